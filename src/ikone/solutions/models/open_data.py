"""The licence under which the published catalogue is offered as open data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OpenDataLicence(models.TextChoices):
    """Licences for data that permit reuse by anyone (value: SPDX-like id)."""

    CC_BY = "CC-BY-4.0", "Creative Commons Namensnennung 4.0 (CC BY 4.0)"
    CC0 = "CC0-1.0", "Creative Commons Zero 1.0 (CC0 1.0)"
    DL_DE_BY = "dl-de-by-2.0", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    DL_DE_ZERO = "dl-de-zero-2.0", "Datenlizenz Deutschland – Zero – Version 2.0"


LICENCE_URLS = {
    OpenDataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    OpenDataLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    OpenDataLicence.DL_DE_BY: "https://www.govdata.de/dl-de/by-2-0",
    OpenDataLicence.DL_DE_ZERO: "https://www.govdata.de/dl-de/zero-2-0",
}


class CatalogueExportSettings(models.Model):
    """One row: the licence coordinators chose for the catalogue export
    (services.open_data.export_licence_set keeps it single)."""

    licence = models.CharField(
        _("Lizenz der offenen Daten"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.CC_BY,
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Lizenz des Katalog-Exports")
        verbose_name_plural = _("Lizenz des Katalog-Exports")

    def __str__(self) -> str:
        return self.get_licence_display()

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[OpenDataLicence(self.licence)]
