"""A malformed source stops the import with file, line and problem, and
leaves the database as it was."""

import io

import pytest
from django.core.management import CommandError, call_command

from ikone.municipalities.models import Municipality
from tests.municipalities.conftest import bundled, snapshot, write_csv

pytestmark = pytest.mark.django_db


def import_fails(path) -> str:
    with pytest.raises(CommandError) as raised:
        call_command("import_municipalities", file=str(path), stdout=io.StringIO())
    return str(raised.value)


@pytest.fixture
def imported(source):
    """The slice imported once, then a valid change to the Land that a
    failing run must not write either."""
    call_command("import_municipalities", file=str(source.directory), stdout=io.StringIO())
    before = snapshot()
    source.edit("states.csv", "07", population_total="1")
    return before


@pytest.mark.parametrize(
    ("file", "key", "cells", "problem"),
    [
        (
            "municipalities.csv",
            "07335007",
            {"ags": "7335007"},
            "Spalte „ags“: „7335007“ ist kein 8-stelliger Schlüssel",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"population_total": "12a"},
            "Spalte „population_total“: „12a“ ist keine nicht-negative ganze Zahl",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"population_total": "-5"},
            "Spalte „population_total“: „-5“ ist keine nicht-negative ganze Zahl",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"area_km2": "12,5"},
            "Spalte „area_km2“: „12,5“ ist keine Zahl",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"latitude": "123.4"},
            "Spalte „latitude“: „123.4“ liegt außerhalb von ±90",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"postcode": "6765"},
            "Spalte „postcode“: „6765“ hat nicht genau 5 Ziffern",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"territorial_status_date": "30.11.2025"},
            "Spalte „territorial_status_date“: „30.11.2025“ ist kein Datum (JJJJ-MM-TT)",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"district_key": "07312"},
            "Spalte „district_key“: „07312“ passt nicht zum Schlüssel 07335007",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"ars": "073355002999"},
            "Spalte „ars“: „073355002999“ passt nicht zu AGS und Gemeindeverband",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"name": ""},
            "Spalte „name“: darf nicht leer sein",
        ),
        (
            "municipalities.csv",
            "07335007",
            {"type_code": "99"},
            "Spalte „type_code“: unbekannter Typ-Schlüssel „99“",
        ),
        (
            "districts.csv",
            "07320",
            {"area_km2": "viel"},
            "Spalte „area_km2“: „viel“ ist keine Zahl",
        ),
        (
            "municipal_associations.csv",
            "073355002",
            {"district_key": "07320"},
            "Spalte „district_key“: „07320“ passt nicht zum Schlüssel 073355002",
        ),
        (
            "states.csv",
            "07",
            {"state_key": "7"},
            "Spalte „state_key“: „7“ ist kein 2-stelliger Schlüssel",
        ),
    ],
)
def test_a_bad_cell_names_file_line_and_problem(source, imported, file, key, cells, problem):
    line = source.line_of(file, key)
    source.edit(file, key, **cells)

    message = import_fails(source.directory)

    assert message == f"{source.path(file)}, Zeile {line}: {problem}"
    assert snapshot() == imported


def test_a_wrong_header_names_the_missing_columns(source, imported):
    header, rows = source.rows("districts.csv")
    renamed = ["Kreis" if column == "district_key" else column for column in header]
    for row in rows:
        row["Kreis"] = row.pop("district_key")
    write_csv(source.path("districts.csv"), renamed, rows)

    message = import_fails(source.directory)

    assert message == (
        f"{source.path('districts.csv')}, Zeile 1: "
        "Kopfzeile unvollständig, es fehlen die Spalten: district_key"
    )
    assert snapshot() == imported


def test_a_missing_parent_names_the_child(source, imported):
    header, rows = source.rows("municipal_associations.csv")
    write_csv(source.path("municipal_associations.csv"), header, rows[:2])
    line = source.line_of("municipalities.csv", "07335004")

    message = import_fails(source.directory)

    assert message == (
        f"{source.path('municipalities.csv')}, Zeile {line}: "
        "übergeordnete Einheit 073355002 fehlt in den Quelldaten"
    )
    assert snapshot() == imported


def test_a_duplicate_key_names_both_lines(source, imported):
    header, rows = source.rows("districts.csv")
    write_csv(source.path("districts.csv"), header, [*rows, rows[0]])

    message = import_fails(source.directory)

    assert message == (
        f"{source.path('districts.csv')}, Zeile 5: "
        "Schlüssel 07312 kommt doppelt vor (zuerst in Zeile 2)"
    )
    assert snapshot() == imported


def test_a_row_with_too_few_cells_is_refused(source, imported):
    with source.path("states.csv").open("a", encoding="utf-8") as handle:
        handle.write("10,Saarland\n")

    message = import_fails(source.directory)

    assert message.startswith(f"{source.path('states.csv')}, Zeile 3: 2 statt 9 Spalten")
    assert snapshot() == imported


def test_a_file_that_is_not_utf8_is_refused(source, imported):
    source.path("states.csv").write_bytes("state_key,name\n07,Th\xfcringen\n".encode("latin-1"))

    message = import_fails(source.directory)

    assert message == f"{source.path('states.csv')}: Datei ist nicht UTF-8-kodiert"
    assert snapshot() == imported


def test_a_missing_file_of_a_directory_is_named(source, imported):
    source.path("municipal_associations.csv").unlink()

    message = import_fails(source.directory)

    assert message.startswith(f"{source.path('municipal_associations.csv')}: ")
    assert snapshot() == imported


def test_a_path_that_does_not_exist_is_named(tmp_path, db):
    message = import_fails(tmp_path / "fehlt.csv")

    assert message == f"{tmp_path / 'fehlt.csv'}: Datei oder Verzeichnis nicht gefunden"
    assert not Municipality.objects.exists()


def test_a_single_file_must_name_its_parents_alike(tmp_path, db):
    header, rows = bundled("municipalities.csv")
    other = {**rows["07335010"], "association_name": "Anders"}
    path = write_csv(tmp_path / "two.csv", header, [rows["07335007"], other])

    message = import_fails(path)

    assert message == f"{path}, Zeile 3: Angaben zu 073355002 weichen von Zeile 2 ab"
    assert not Municipality.objects.exists()
