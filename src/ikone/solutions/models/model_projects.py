"""The federal Modellprojekte Smart Cities, imported from data/model_projects.csv."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.solutions.models.choices import ModelProjectCategory


class ModelProject(models.Model):
    """One of the 73 model projects (rounds 2019–2021) and the organisation
    that carries it. Values the sources do not give stay empty and are shown
    as unknown; `lands`, `partners` and `sources` keep the file's lists."""

    organization = models.OneToOneField(
        "accounts.Organization",
        verbose_name=_("Organisation"),
        on_delete=models.PROTECT,
        related_name="model_project",
    )
    name = models.CharField(_("Name laut Auswahlliste"), max_length=200)
    kind_label = models.CharField(_("Art laut Auswahlliste"), max_length=60)
    lands = models.JSONField(_("Länder"), default=list)
    round_year = models.PositiveSmallIntegerField(_("Förderrunde"))
    category = models.CharField(
        _("Größenkategorie"), max_length=20, choices=ModelProjectCategory.choices
    )
    funding_eur = models.PositiveBigIntegerField(
        _("Bundesförderung in Euro"), null=True, blank=True
    )
    note = models.TextField(_("Anmerkung zur Quelle"), blank=True)
    partners = models.JSONField(_("Partner laut Quelle"), default=list, blank=True)
    partner_units = models.ManyToManyField(
        "municipalities.Municipality",
        verbose_name=_("Partner im Gemeindeverzeichnis"),
        blank=True,
        related_name="+",
    )
    project_title = models.CharField(_("Projekttitel"), max_length=200, blank=True)
    sources = models.JSONField(_("Quellen"), default=list)
    imported_at = models.DateTimeField(_("importiert am"), auto_now=True)

    class Meta:
        verbose_name = _("Modellprojekt Smart Cities")
        verbose_name_plural = _("Modellprojekte Smart Cities")
        ordering = ["round_year", "name"]
        constraints = [
            models.UniqueConstraint(fields=["round_year", "name"], name="model_project_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.round_year})"
