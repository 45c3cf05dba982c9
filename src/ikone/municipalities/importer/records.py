"""Records of the four levels, parsed from the rows of their files."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from ikone.municipalities.importer.rows import Origin, RowReader
from ikone.municipalities.kinds import (
    ASSOCIATION_TYPES,
    DISTRICT_TYPES,
    MUNICIPALITY_TYPES,
    VERBANDSFREI_TYPE_CODE,
)
from ikone.municipalities.models import Level

STATE_COLUMNS = ("state_key", "name", "seat", "population_total", "area_km2")
DISTRICT_COLUMNS = (
    "district_key", "name", "type_code", "type", "seat", "state_key",
    "population_total", "area_km2",
)  # fmt: skip
ASSOCIATION_COLUMNS = (
    "association_key", "name", "type_code", "type", "seat", "district_key",
    "population_total", "area_km2",
)  # fmt: skip
MUNICIPALITY_COLUMNS = (
    "ags", "ars", "name", "name_short", "type_code", "type",
    "association_key", "association_name", "association_type_code", "association_type",
    "district_key", "district_name", "district_type_code", "district_type",
    "state_key", "state_name", "area_km2", "population_total",
    "postcode", "latitude", "longitude",
)  # fmt: skip


@dataclass(frozen=True)
class UnitRecord:
    """One unit as the source describes it. Parents are referenced by key."""

    ags: str
    level: Level
    name: str
    name_short: str
    origin: Origin = field(compare=False)
    type_code: str = ""
    type_label: str = ""
    parent_key: str = ""
    state_key: str = ""
    district_key: str = ""
    ars: str = ""
    seat: str = ""
    population: int | None = None
    area_km2: Decimal | None = None
    postcode: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    territorial_status_date: date | None = None


def short_name(name: str) -> str:
    """The name up to its first comma, as the source's `name_short` is made."""
    return name.split(",", 1)[0].strip()


def _figures(reader: RowReader) -> tuple[int | None, Decimal | None, date | None]:
    """Population, area and Gebietsstand, which every file carries."""
    return (
        reader.integer("population_total"),
        reader.decimal("area_km2", places=2, limit=99_999_999),
        reader.date("territorial_status_date"),
    )


def parse_state(reader: RowReader) -> UnitRecord:
    name = reader.text("name")
    population, area, status_date = _figures(reader)
    return UnitRecord(
        ags=reader.key("state_key", 2),
        level=Level.STATE,
        name=name,
        name_short=short_name(name),
        origin=reader.origin,
        seat=reader.text("seat", required=False),
        population=population,
        area_km2=area,
        territorial_status_date=status_date,
    )


def parse_district(reader: RowReader) -> UnitRecord:
    key = reader.key("district_key", 5)
    state_key = reader.prefix_of(key, "state_key", 2)
    name = reader.text("name")
    population, area, status_date = _figures(reader)
    return UnitRecord(
        ags=key,
        level=Level.DISTRICT,
        name=name,
        name_short=short_name(name),
        origin=reader.origin,
        type_code=reader.type_code("type_code", list(DISTRICT_TYPES)),
        type_label=reader.text("type", max_length=60),
        parent_key=state_key,
        state_key=state_key,
        seat=reader.text("seat", required=False),
        population=population,
        area_km2=area,
        territorial_status_date=status_date,
    )


def parse_association(reader: RowReader) -> UnitRecord:
    """A Gemeindeverband row; callers skip the verbandsfreie ones (type 50)."""
    key = reader.key("association_key", 9)
    district_key = reader.prefix_of(key, "district_key", 5)
    name = reader.text("name")
    population, area, status_date = _figures(reader)
    return UnitRecord(
        ags=key,
        level=Level.ASSOCIATION,
        name=name,
        name_short=short_name(name),
        origin=reader.origin,
        type_code=reader.type_code("type_code", [*ASSOCIATION_TYPES, VERBANDSFREI_TYPE_CODE]),
        type_label=reader.text("type", max_length=60),
        parent_key=district_key,
        state_key=district_key[:2],
        district_key=district_key,
        seat=reader.text("seat", required=False),
        population=population,
        area_km2=area,
        territorial_status_date=status_date,
    )


def parse_municipality(reader: RowReader) -> UnitRecord:
    """A Gemeinde row. Its parent is its Gemeindeverband, or its Kreis when
    the Gemeinde is verbandsfrei (association type 50)."""
    ags = reader.key("ags", 8)
    district_key = reader.prefix_of(ags, "district_key", 5)
    reader.prefix_of(ags, "state_key", 2)
    association_key = reader.key("association_key", 9)
    reader.require(
        association_key.startswith(district_key),
        "association_key",
        _("„%(value)s“ liegt nicht im Kreis %(key)s")
        % {"value": association_key, "key": district_key},
    )
    ars = reader.digits("ars", 12)
    reader.require(
        not ars or ars == association_key + ags[5:],
        "ars",
        _("„%(value)s“ passt nicht zu AGS und Gemeindeverband") % {"value": ars},
    )
    verbandsfrei = (
        reader.type_code("association_type_code", [*ASSOCIATION_TYPES, VERBANDSFREI_TYPE_CODE])
        == VERBANDSFREI_TYPE_CODE
    )
    population, area, status_date = _figures(reader)
    return UnitRecord(
        ags=ags,
        level=Level.MUNICIPALITY,
        name=reader.text("name"),
        name_short=reader.text("name_short"),
        origin=reader.origin,
        type_code=reader.type_code("type_code", list(MUNICIPALITY_TYPES)),
        type_label=reader.text("type", max_length=60),
        parent_key=district_key if verbandsfrei else association_key,
        state_key=ags[:2],
        district_key=district_key,
        ars=ars,
        postcode=reader.digits("postcode", 5),
        latitude=reader.decimal("latitude", places=6, limit=90),
        longitude=reader.decimal("longitude", places=6, limit=180),
        population=population,
        area_km2=area,
        territorial_status_date=status_date,
    )
