"""`ikone import_municipalities`: what it loads, how it upserts, what it says."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from ikone.municipalities.models import Level, Municipality
from tests.municipalities.conftest import SLICE, bundled, write_csv

pytestmark = pytest.mark.django_db


class TerminalOutput(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_import(path=None, stdout=None) -> str:
    out = stdout or io.StringIO()
    if path is None:
        call_command("import_municipalities", stdout=out)
    else:
        call_command("import_municipalities", file=str(path), stdout=out)
    return out.getvalue()


def test_a_directory_loads_all_four_levels_with_their_hierarchy(source):
    run_import(source.directory)

    assert Municipality.objects.filter(level=Level.STATE).count() == 1
    assert Municipality.objects.filter(level=Level.DISTRICT).count() == 3
    assert Municipality.objects.filter(level=Level.MUNICIPALITY).count() == 5
    district = Municipality.objects.get(ags="07335")
    assert (district.parent.ags, district.state.ags, district.district) == ("07", "07", None)
    association = Municipality.objects.get(ags="073355002")
    assert association.level == Level.ASSOCIATION
    assert (association.parent, association.district, association.state.ags) == (
        district,
        district,
        "07",
    )
    assert association.seat == "Enkenbach-Alsenborn"
    member = Municipality.objects.get(ags="07335007")
    assert (member.parent, member.district, member.state.ags) == (association, district, "07")


def test_verbandsfreie_association_records_are_skipped(source):
    run_import(source.directory)

    assert not Municipality.objects.filter(ags__in=["073120000", "073200000"]).exists()
    assert list(
        Municipality.objects.filter(level=Level.ASSOCIATION).values_list("ags", flat=True)
    ) == ["073355002"]
    city = Municipality.objects.get(ags="07312000")
    assert city.parent.ags == "07312"
    assert city.ars == "073120000000"


def test_a_gemeinde_gets_its_figures_as_published(source):
    run_import(source.directory)

    city = Municipality.objects.get(ags="07312000")
    assert city.name == "Kaiserslautern, Stadt"
    assert city.name_short == "Kaiserslautern"
    assert city.search_name == "kaiserslautern, stadt"
    assert (city.type_code, city.type_label) == ("61", "Kreisfreie Stadt")
    assert city.population == 100_426
    assert city.area_km2 == Decimal("139.70")
    assert city.postcode == "67657"
    assert (city.latitude, city.longitude) == (Decimal("49.445456"), Decimal("7.768864"))
    assert city.territorial_status_date.isoformat() == "2025-11-30"
    state = Municipality.objects.get(ags="07")
    assert (state.population, state.area_km2, state.seat) == (
        4_129_569,
        Decimal("19857.87"),
        "Mainz",
    )


def test_empty_cells_become_null_not_guesses(source):
    source.edit("municipalities.csv", "07335007", latitude="", longitude="", population_total="")
    source.edit("municipalities.csv", "07335010", area_km2="", postcode="")

    run_import(source.directory)

    fischbach = Municipality.objects.get(ags="07335007")
    assert (fischbach.latitude, fischbach.longitude, fischbach.population) == (None, None, None)
    frankenstein = Municipality.objects.get(ags="07335010")
    assert (frankenstein.area_km2, frankenstein.postcode, frankenstein.density) == (None, "", None)
    assert Municipality.objects.get(ags="07").postcode == ""


def test_the_first_run_reports_what_it_created(source):
    output = run_import(source.directory)

    assert "Länder: 1 neu, 0 geändert, 0 unverändert" in output
    assert "Gemeindeverbände: 1 neu, 0 geändert, 0 unverändert" in output
    assert "Gemeinden: 5 neu, 0 geändert, 0 unverändert" in output
    assert "Import abgeschlossen: 10 neu, 0 geändert." in output


def test_a_second_run_changes_nothing_and_says_so(source):
    run_import(source.directory)
    before = list(Municipality.objects.order_by("ags").values())

    output = run_import(source.directory)

    assert "Keine Änderungen: alle 10 Einträge sind aktuell." in output
    assert "Gemeinden: 0 neu, 0 geändert, 5 unverändert" in output
    assert list(Municipality.objects.order_by("ags").values()) == before


def test_changed_rows_are_updated_in_place(source):
    run_import(source.directory)
    pk = Municipality.objects.get(ags="07335007").pk
    source.edit("municipalities.csv", "07335007", population_total="1234", name="Fischbach, Neu")

    output = run_import(source.directory)

    fischbach = Municipality.objects.get(ags="07335007")
    assert (fischbach.pk, fischbach.population, fischbach.name) == (pk, 1234, "Fischbach, Neu")
    assert fischbach.search_name == "fischbach, neu"
    assert "Gemeinden: 0 neu, 1 geändert, 4 unverändert" in output
    assert "Import abgeschlossen: 0 neu, 1 geändert." in output


def test_units_missing_from_a_complete_source_are_reported_and_kept(source):
    run_import(source.directory)
    header, rows = source.rows("municipalities.csv")
    write_csv(source.path("municipalities.csv"), header, rows[:-1])

    output = run_import(source.directory)

    assert "1 Einträge der Datenbank fehlen in den Quelldaten; sie bleiben erhalten." in output
    assert Municipality.objects.filter(ags="07335010").exists()


def test_a_single_file_brings_its_parents_from_its_columns(tmp_path):
    header, rows = bundled("municipalities.csv")
    path = write_csv(tmp_path / "kl.csv", header, [rows["07312000"], rows["07335007"]])

    output = run_import(path)

    association = Municipality.objects.get(ags="073355002")
    assert (association.name, association.type_code, association.population) == (
        "Enkenbach-Alsenborn",
        "53",
        None,
    )
    district = Municipality.objects.get(ags="07335")
    assert (district.name, district.type_label, district.parent.ags) == (
        "Kaiserslautern",
        "Landkreis",
        "07",
    )
    assert Municipality.objects.get(ags="07").name == "Rheinland-Pfalz"
    assert Municipality.objects.get(ags="07335007").parent == association
    assert Municipality.objects.get(ags="07312000").parent.ags == "07312"
    assert "Gemeinden: 2 neu" in output
    assert "fehlen in den Quelldaten" not in output


def test_a_single_file_never_overwrites_parents_it_only_names(source, tmp_path):
    run_import(source.directory)
    header, rows = bundled("municipalities.csv")
    row = {**rows["07335007"], "district_name": "Anders benannt", "population_total": "99"}
    path = write_csv(tmp_path / "one.csv", header, [row])

    output = run_import(path)

    district = Municipality.objects.get(ags="07335")
    assert (district.name, district.population) == ("Kaiserslautern", 106_343)
    assert Municipality.objects.get(ags="07335007").population == 99
    assert "Gemeinden: 0 neu, 1 geändert, 0 unverändert" in output


def test_progress_is_shown_on_a_terminal_only(source):
    assert "1/1" not in run_import(source.directory)
    source.edit("states.csv", "07", population_total="1")

    output = run_import(source.directory, stdout=TerminalOutput())

    assert "\rLänder: 1/1" in output


def test_the_bundled_files_load_all_of_germany():
    output = run_import()

    counts = {
        level: Municipality.objects.filter(level=level).count()
        for level in (Level.STATE, Level.DISTRICT, Level.ASSOCIATION, Level.MUNICIPALITY)
    }
    assert counts == {
        Level.STATE: 16,
        Level.DISTRICT: 400,
        Level.ASSOCIATION: 4389 - 3186,
        Level.MUNICIPALITY: 10_751,
    }
    assert "Import abgeschlossen: 12.370 neu, 0 geändert." in output
    kaiserslautern = Municipality.objects.get(ags="07312000")
    assert (kaiserslautern.population, kaiserslautern.district.ags) == (100_426, "07312")
    obergeckler = Municipality.objects.get(ags="07232503")
    assert (obergeckler.latitude, obergeckler.longitude) == (None, None)
    assert not Municipality.objects.filter(level=Level.ASSOCIATION, type_code="50").exists()
    assert not Municipality.objects.filter(level=Level.MUNICIPALITY, parent__isnull=True).exists()

    assert "Keine Änderungen: alle 12.370 Einträge sind aktuell." in run_import()


def test_the_bundled_files_match_the_slice_fixture():
    """The slice the other tests use is real data from the bundled files."""
    for file, keys in SLICE.items():
        _header, rows = bundled(file)
        assert set(keys) <= set(rows)
