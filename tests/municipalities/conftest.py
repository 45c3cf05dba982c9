"""Fixtures for the directory: small slices of the bundled Gemeindeverzeichnis
written into tmp_path, and a hierarchy built with factories."""

import csv
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from ikone.municipalities.importer import BUNDLED_DATA_DIR
from ikone.municipalities.models import Municipality
from tests.municipalities.factories import (
    AssociationFactory,
    DistrictFactory,
    MunicipalityFactory,
    NetworkFactory,
    StateFactory,
)

# Rheinland-Pfalz with two kreisfreie Städte (verbandsfrei, association type
# 50) and the Landkreis Kaiserslautern with one Verbandsgemeinde.
SLICE = {
    "states.csv": ["07"],
    "districts.csv": ["07312", "07320", "07335"],
    "municipal_associations.csv": ["073120000", "073200000", "073355002"],
    "municipalities.csv": ["07312000", "07320000", "07335004", "07335007", "07335010"],
}


@functools.cache
def bundled(file: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Header and rows (by their key, the first column) of a bundled file."""
    with (BUNDLED_DATA_DIR / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        return header, {row[header[0]]: row for row in reader}


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@dataclass
class Source:
    """A directory of the four files, editable cell by cell."""

    directory: Path

    def rows(self, file: str) -> tuple[list[str], list[dict[str, str]]]:
        with (self.directory / file).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader)

    def edit(self, file: str, key: str, **cells: str) -> None:
        header, rows = self.rows(file)
        for row in rows:
            if row[header[0]] == key:
                row.update(cells)
        write_csv(self.directory / file, header, rows)

    def line_of(self, file: str, key: str) -> int:
        """The line a row is on (the header is line 1)."""
        header, rows = self.rows(file)
        return 2 + [row[header[0]] for row in rows].index(key)

    def path(self, file: str) -> Path:
        return self.directory / file


@pytest.fixture
def source(tmp_path: Path) -> Source:
    directory = tmp_path / "gv"
    directory.mkdir()
    for file, keys in SLICE.items():
        header, rows = bundled(file)
        write_csv(directory / file, header, [rows[key] for key in keys])
    return Source(directory)


def snapshot() -> list[tuple[object, ...]]:
    """Every imported column of every unit, to prove nothing changed."""
    return list(
        Municipality.objects.order_by("ags").values_list(
            "ags",
            "level",
            "name",
            "search_name",
            "population",
            "area_km2",
            "postcode",
            "latitude",
            "parent__ags",
            "state__ags",
            "district__ags",
        )  # fmt: skip
    )


@dataclass
class Hierarchy:
    state: Municipality
    other_state: Municipality
    district: Municipality
    city_district: Municipality
    association: Municipality
    municipality: Municipality
    sibling: Municipality
    city: Municipality
    elsewhere: Municipality


@pytest.fixture
def hierarchy(db: None) -> Hierarchy:
    """Rheinland-Pfalz with a Landkreis (one Verbandsgemeinde, two Gemeinden),
    a kreisfreie Stadt, and one Gemeinde in Saarland."""
    state = StateFactory(ags="07", name="Rheinland-Pfalz")
    other_state = StateFactory(ags="10", name="Saarland", population=1_000_000)
    district = DistrictFactory(ags="07335", name="Kaiserslautern", state=state)
    city_district = DistrictFactory(
        ags="07320",
        name="Zweibrücken, kreisfreie Stadt",
        type_code="41",
        type_label="Kreisfreie Stadt",
        state=state,
    )
    association = AssociationFactory(
        ags="073355002", name="Enkenbach-Alsenborn", district=district
    )
    municipality = MunicipalityFactory(
        ags="07335004",
        name="Enkenbach-Alsenborn",
        district=district,
        parent=association,
        population=7_166,
        area_km2=Decimal("37.50"),
    )
    sibling = MunicipalityFactory(
        ags="07335010", name="Frankenstein", district=district, parent=association
    )
    city = MunicipalityFactory(
        ags="07320000",
        name="Zweibrücken, Stadt",
        name_short="Zweibrücken",
        type_code="61",
        type_label="Kreisfreie Stadt",
        district=city_district,
        population=33_323,
        area_km2=Decimal("70.64"),
        latitude=Decimal("49.246262"),
        longitude=Decimal("7.369758"),
    )
    saar_district = DistrictFactory(
        ags="10041", name="Regionalverband Saarbrücken", state=other_state
    )
    elsewhere = MunicipalityFactory(
        ags="10041100", name="Saarbrücken, Landeshauptstadt", district=saar_district
    )
    return Hierarchy(
        state=state,
        other_state=other_state,
        district=district,
        city_district=city_district,
        association=association,
        municipality=municipality,
        sibling=sibling,
        city=city,
        elsewhere=elsewhere,
    )


@pytest.fixture
def primary_network(db: None):
    return NetworkFactory()
