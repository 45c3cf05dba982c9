"""What the directory's `typ` filter accepts: a level (`land`, `kreis`,
`verband`, `gemeinde`) or a GV100AD type code of a Kreis (41–45), a
Gemeindeverband (51–58) or a Gemeinde (60–67).

The type codes and labels are Destatis' code lists from the
Datensatzbeschreibung GV100AD; the values are stable, only labels are
translated.
"""

from typing import Any

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ikone.municipalities.models import Level

LEVEL_SLUGS: dict[str, Level] = {
    "land": Level.STATE,
    "kreis": Level.DISTRICT,
    "verband": Level.ASSOCIATION,
    "gemeinde": Level.MUNICIPALITY,
}

LEVEL_LABELS: dict[str, Promise] = {
    "land": _("Länder"),
    "kreis": _("Kreise und kreisfreie Städte"),
    "verband": _("Gemeindeverbände"),
    "gemeinde": _("Gemeinden"),
}

# The type labels are official German designations, kept in English too (as
# the units' stored `type_label`). The context keeps them apart from the same
# words used elsewhere, e.g. "Kreis" as a level or "Landkreis" as the kind of
# an organisation.
DISTRICT_TYPES: dict[str, Promise] = {
    "41": pgettext_lazy("GV100AD type", "Kreisfreie Stadt"),
    "42": pgettext_lazy("GV100AD type", "Stadtkreis"),
    "43": pgettext_lazy("GV100AD type", "Kreis"),
    "44": pgettext_lazy("GV100AD type", "Landkreis"),
    "45": pgettext_lazy("GV100AD type", "Regionalverband"),
}

ASSOCIATION_TYPES: dict[str, Promise] = {
    "51": pgettext_lazy("GV100AD type", "Amt"),
    "52": pgettext_lazy("GV100AD type", "Samtgemeinde"),
    "53": pgettext_lazy("GV100AD type", "Verbandsgemeinde"),
    "54": pgettext_lazy("GV100AD type", "Verwaltungsgemeinschaft"),
    "55": pgettext_lazy("GV100AD type", "Kirchspielslandgemeinde"),
    "56": pgettext_lazy("GV100AD type", "Verwaltungsverband"),
    "57": pgettext_lazy("GV100AD type", "Verbandsgemeinde (Trägermodell)"),
    "58": pgettext_lazy("GV100AD type", "Erfüllende Gemeinde"),
}

# 50, "verbandsfreie Gemeinde", is no unit of its own: the importer skips it.
VERBANDSFREI_TYPE_CODE = "50"

MUNICIPALITY_TYPES: dict[str, Promise] = {
    "60": pgettext_lazy("GV100AD type", "Markt"),
    "61": pgettext_lazy("GV100AD type", "Kreisfreie Stadt"),
    "62": pgettext_lazy("GV100AD type", "Stadtkreis"),
    "63": pgettext_lazy("GV100AD type", "Stadt"),
    "64": pgettext_lazy("GV100AD type", "Kreisangehörige Gemeinde"),
    "67": pgettext_lazy("GV100AD type", "Große Kreisstadt"),
}

_TYPE_LEVELS: dict[str, Level] = {
    **dict.fromkeys(DISTRICT_TYPES, Level.DISTRICT),
    **dict.fromkeys(ASSOCIATION_TYPES, Level.ASSOCIATION),
    **dict.fromkeys(MUNICIPALITY_TYPES, Level.MUNICIPALITY),
}

KIND_VALUES: frozenset[str] = frozenset(LEVEL_SLUGS) | frozenset(_TYPE_LEVELS)

KIND_LABELS: dict[str, Promise] = {
    **LEVEL_LABELS,
    **DISTRICT_TYPES,
    **ASSOCIATION_TYPES,
    **MUNICIPALITY_TYPES,
}


Choices = list[tuple[Any, Any]]


def kind_choices() -> Choices:
    """Grouped choices for a select: levels first, then the types per level."""
    return [
        (_("Ebene"), list(LEVEL_LABELS.items())),
        (
            _("Art des Kreises"),
            [(code, f"{label} ({code})") for code, label in DISTRICT_TYPES.items()],
        ),
        (
            _("Art des Gemeindeverbands"),
            [(code, f"{label} ({code})") for code, label in ASSOCIATION_TYPES.items()],
        ),
        (
            _("Art der Gemeinde"),
            [(code, f"{label} ({code})") for code, label in MUNICIPALITY_TYPES.items()],
        ),
    ]


def kind_filter(kind: str) -> Q:
    """The condition for one `typ` value; an unknown value matches everything.

    Callers validate the value first (forms and serializers offer only
    KIND_VALUES); ignoring an unknown one keeps a hand-edited URL working.
    """
    if kind in LEVEL_SLUGS:
        return Q(level=LEVEL_SLUGS[kind])
    if kind in _TYPE_LEVELS:
        return Q(level=_TYPE_LEVELS[kind], type_code=kind)
    return Q()
