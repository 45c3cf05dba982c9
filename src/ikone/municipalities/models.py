"""The official German municipality directory (Destatis Gemeindeverzeichnis)."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    STATE = "state", _("Land")
    DISTRICT = "district", _("Kreis / kreisfreie Stadt")
    ASSOCIATION = "association", _("Gemeindeverband")
    MUNICIPALITY = "municipality", _("Gemeinde")


class Municipality(models.Model):
    """One territorial unit of the directory, at any of the four levels.

    `ags` is the official key of the unit: 2 digits for a Land, 5 for a
    Kreis, 9 for a Gemeindeverband and the 8-digit Amtlicher
    Gemeindeschlüssel for a Gemeinde. Keys are text, never numbers.
    """

    ags = models.CharField(_("Amtlicher Schlüssel"), max_length=12, unique=True)
    ars = models.CharField(_("Regionalschlüssel"), max_length=12, blank=True)
    level = models.CharField(_("Ebene"), max_length=16, choices=Level.choices)
    name = models.CharField(_("amtlicher Name"), max_length=200)
    name_short = models.CharField(_("Name"), max_length=200)
    # Lower-case, umlauts and ß folded to ae/oe/ue/ss; see municipalities.search.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    type_code = models.CharField(_("Typ-Schlüssel"), max_length=4, blank=True)
    type_label = models.CharField(_("Typ"), max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("übergeordnete Einheit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    state = models.ForeignKey(
        "self",
        verbose_name=_("Land"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    district = models.ForeignKey(
        "self",
        verbose_name=_("Kreis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    seat = models.CharField(_("Verwaltungssitz"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche in km²"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    territorial_status_date = models.DateField(_("Gebietsstand"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["search_name", "ags"]
        indexes = [models.Index(fields=["level", "search_name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def density(self) -> Decimal | None:
        """Inhabitants per km², or None where population or area is unknown."""
        if self.population is None or not self.area_km2:
            return None
        return (Decimal(self.population) / self.area_km2).quantize(Decimal("1"))
