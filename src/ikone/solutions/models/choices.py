"""The solution catalogue's fixed vocabularies (stable ASCII values, German labels)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SolutionStatus(models.TextChoices):
    """How far the solution itself is (not its review)."""

    IDEA = "idea", _("Idee")
    PILOT = "pilot", _("Pilot")
    OPERATING = "operating", _("im Betrieb")
    DISCONTINUED = "discontinued", _("eingestellt")


class ReviewState(models.TextChoices):
    """Where the profile is in the coordinators' review (workflow.py)."""

    DRAFT = "draft", _("Entwurf")
    SUBMITTED = "submitted", _("eingereicht")
    PUBLISHED = "published", _("veröffentlicht")
    RETURNED = "returned", _("zurückgegeben")


class SizeClass(models.TextChoices):
    """The kinds and sizes of places a solution suits. The population bounds
    follow the federal programme's size categories (Großstädte from 100,000,
    Mittelstädte from 20,000), with villages below 5,000 apart because their
    means differ from small towns'. Districts and cooperations are a class of
    their own, as in the programme."""

    VILLAGE = "village", _("Landgemeinde (unter 5.000 Einwohner)")
    SMALL_TOWN = "small_town", _("Kleinstadt (5.000 bis 20.000)")
    MEDIUM_TOWN = "medium_town", _("Mittelstadt (20.000 bis 100.000)")
    CITY = "city", _("Großstadt (ab 100.000)")
    REGION = "region", _("Landkreis oder Kooperation")


SIZE_BOUNDS: tuple[tuple[int, str], ...] = (
    (5_000, SizeClass.VILLAGE),
    (20_000, SizeClass.SMALL_TOWN),
    (100_000, SizeClass.MEDIUM_TOWN),
)


def size_class_for(*, population: int | None, is_region: bool) -> str | None:
    """The size class of a place, or None when its population is unknown."""
    if is_region:
        return SizeClass.REGION
    if population is None:
        return None
    for bound, size in SIZE_BOUNDS:
        if population < bound:
            return size
    return SizeClass.CITY


class Effort(models.TextChoices):
    """How much it takes another place to adopt the solution."""

    LOW = "low", _("gering (wenige Wochen, vorhandenes Personal)")
    MEDIUM = "medium", _("mittel (ein Projekt mit eigener Stelle oder Dienstleister)")
    HIGH = "high", _("hoch (mehrjähriges Vorhaben, Investitionen)")


class Licence(models.TextChoices):
    """The licence of the solution's software or material. SPDX identifiers
    where there is one."""

    EUPL = "EUPL-1.2", "EUPL-1.2"
    AGPL = "AGPL-3.0-or-later", "AGPL-3.0"
    GPL = "GPL-3.0-or-later", "GPL-3.0"
    LGPL = "LGPL-3.0-or-later", "LGPL-3.0"
    MPL = "MPL-2.0", "MPL-2.0"
    APACHE = "Apache-2.0", "Apache-2.0"
    MIT = "MIT", "MIT"
    BSD = "BSD-3-Clause", "BSD-3-Clause"
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    DL_DE_BY = "dl-de-by-2.0", "Datenlizenz Deutschland – Namensnennung 2.0"
    DL_DE_ZERO = "dl-de-zero-2.0", "Datenlizenz Deutschland – Zero 2.0"
    PROPRIETARY = "proprietary", _("proprietär / Lizenz des Herstellers")
    UNKNOWN = "", _("nicht bekannt")


OPEN_LICENCES = frozenset(
    value for value in Licence.values if value not in {Licence.PROPRIETARY, Licence.UNKNOWN}
)


class AdoptionStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    OPERATING = "operating", _("im Betrieb")
    ABANDONED = "abandoned", _("aufgegeben")


class AdoptionVisibility(models.TextChoices):
    """Who sees an adoption and its experience text."""

    PUBLIC = "public", _("öffentlich")
    SIGNED_IN = "signed_in", _("angemeldete Personen")
    ORGANIZATION = "organization", _("nur die eigene Organisation und die Koordination")


class ModelProjectCategory(models.TextChoices):
    """The size category a model project was selected in (official wording)."""

    CITIES = "cities", "Großstädte"
    MEDIUM = "medium", "Mittlere Städte / Mittelstädte"
    SMALL = "small", "Kleinstädte und Landgemeinden"
    REGIONS = "regions", "Interkommunale Kooperationen und Landkreise"
