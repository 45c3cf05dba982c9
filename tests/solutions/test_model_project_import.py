"""`ikone import_model_projects`: matching, reporting, idempotence, errors."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ikone.accounts.models import Organization, OrganizationKind
from ikone.core.models import AuditEntry
from ikone.municipalities.models import Municipality
from ikone.solutions.importer import BUNDLED_FILE, read_model_projects
from ikone.solutions.models import ModelProject, ModelProjectCategory
from tests.accounts.factories import OrganizationFactory
from tests.municipalities.factories import (
    AssociationFactory,
    DistrictFactory,
    MunicipalityFactory,
    StateFactory,
)

HEADER = [
    "name", "kind", "land", "round_year", "funding_eur", "source", "note",
    "category", "partners", "project_title",
]  # fmt: skip
SOURCE = "https://example.org/liste | https://example.org/betrag"


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in HEADER})
    return path


def project(name: str, kind: str = "Stadt", **values: str) -> dict[str, str]:
    return {
        "name": name,
        "kind": kind,
        "land": "Rheinland-Pfalz",
        "round_year": "2021",
        "source": SOURCE,
        "category": "Kleinstädte und Landgemeinden",
        **values,
    }


@pytest.fixture
def directory(db):
    """A small slice: Linz am Rhein with its VG, Kusel, two Mühlhausens."""
    rlp = StateFactory()
    neuwied = DistrictFactory(ags="07138", name="Neuwied", name_short="Neuwied", state=rlp)
    linz_vg = AssociationFactory(
        ags="071385004", name="Linz am Rhein", name_short="Linz am Rhein", district=neuwied
    )
    MunicipalityFactory(
        ags="07138041",
        name="Linz am Rhein, Stadt",
        name_short="Linz am Rhein",
        type_code="63",
        type_label="Stadt",
        district=neuwied,
        population=6_000,
    )
    DistrictFactory(ags="07336", name="Kusel", name_short="Kusel", state=rlp)
    MunicipalityFactory(
        ags="07138901", name="Mühlhausen", name_short="Mühlhausen", district=neuwied
    )
    MunicipalityFactory(
        ags="07138902", name="Mühlhausen", name_short="Mühlhausen", district=neuwied
    )
    hessen = StateFactory(ags="06", name="Hessen")
    DistrictFactory(ags="06531", name="Gießen", name_short="Gießen", state=hessen)
    return {"linz_vg": linz_vg}


def run(path: Path) -> str:
    out = StringIO()
    call_command("import_model_projects", file=str(path), stdout=out)
    return out.getvalue()


def test_the_bundled_file_has_the_73_projects_of_three_rounds():
    rows = read_model_projects(BUNDLED_FILE)
    assert len(rows) == 73
    assert {year: sum(r.round_year == year for r in rows) for year in (2019, 2020, 2021)} == {
        2019: 13,
        2020: 32,
        2021: 28,
    }
    assert sum(row.funding_eur is not None for row in rows) == 18


def test_rows_are_linked_by_exact_name_and_land(directory, tmp_path):
    path = write_csv(
        tmp_path / "mp.csv",
        [
            project(
                "Linz am Rhein",
                partners="Stadt Linz am Rhein (lead); Verbandsgemeinde Linz am Rhein",
                funding_eur="",
                project_title="Mission smarte Region Linz am Rhein",
            ),
            project("Landkreis Kusel", kind="Landkreis", funding_eur="14600000"),
        ],
    )
    output = run(path)
    linz = ModelProject.objects.get(name="Linz am Rhein")
    assert linz.organization.municipality.ags == "07138041"
    assert linz.organization.name == "Stadt Linz am Rhein"
    assert linz.funding_eur is None  # unknown stays unknown
    assert linz.category == ModelProjectCategory.SMALL
    assert linz.sources == ["https://example.org/liste", "https://example.org/betrag"]
    assert {unit.ags for unit in linz.partner_units.all()} == {"07138041", "071385004"}
    kusel = ModelProject.objects.get(name="Landkreis Kusel")
    assert kusel.organization.municipality.ags == "07336"
    assert kusel.organization.kind == OrganizationKind.DISTRICT
    assert kusel.funding_eur == 14_600_000
    assert "2 neu" in output and "2 mit dem Gemeindeverzeichnis verknüpft" in output


def test_an_existing_organisation_of_the_unit_is_reused(directory, tmp_path):
    linz = Municipality.objects.get(ags="07138041")
    existing = OrganizationFactory(
        municipality=linz, name="Demo Linz", slug="linz", kind=OrganizationKind.CITY
    )
    run(write_csv(tmp_path / "mp.csv", [project("Linz am Rhein")]))
    assert ModelProject.objects.get().organization == existing
    assert Organization.objects.get(pk=existing.pk).name == "Demo Linz"  # never renamed
    assert Organization.objects.filter(municipality=linz).count() == 1


def test_unmatched_and_ambiguous_rows_are_reported_not_dropped(directory, tmp_path):
    path = write_csv(
        tmp_path / "mp.csv",
        [
            project("Mühlhausen"),
            project("Nirgendwo"),
            project(
                "Kooperation Süd",
                kind="interkommunale Kooperation",
                category="Interkommunale Kooperationen und Landkreise",
                partners="Linz am Rhein (lead); Region Irgendwo",
            ),
            # Gießen exists, but in Hessen: the Land must match too.
            project("Landkreis Gießen", kind="Landkreis"),
        ],
    )
    output = run(path)
    assert ModelProject.objects.count() == 4
    assert "Zeile 2: „Mühlhausen“ passt zu mehreren Kommunen (07138901, 07138902)" in output
    assert "Zeile 3: „Nirgendwo“ passt zu keiner Kommune" in output
    assert "Zeile 4, Partner „Region Irgendwo“ passt zu keiner Kommune" in output
    assert "Zeile 5: „Landkreis Gießen“ passt zu keiner Kommune" in output
    nowhere = ModelProject.objects.get(name="Nirgendwo").organization
    assert nowhere.municipality is None
    assert nowhere.name == "Stadt Nirgendwo"
    cooperation = ModelProject.objects.get(name="Kooperation Süd").organization
    assert cooperation.kind == OrganizationKind.COOPERATION
    assert [unit.ags for unit in cooperation.cooperation_members.all()] == ["07138041"]


def test_a_second_run_changes_nothing(directory, tmp_path):
    path = write_csv(tmp_path / "mp.csv", [project("Linz am Rhein"), project("Nirgendwo")])
    run(path)
    organizations = Organization.objects.count()
    output = run(path)
    assert "0 neu, 0 geändert, 2 unverändert" in output
    assert Organization.objects.count() == organizations
    assert ModelProject.objects.count() == 2


def test_a_changed_row_updates_its_project(directory, tmp_path):
    run(write_csv(tmp_path / "mp.csv", [project("Linz am Rhein")]))
    output = run(write_csv(tmp_path / "mp.csv", [project("Linz am Rhein", funding_eur="5")]))
    assert "1 geändert" in output
    assert ModelProject.objects.get().funding_eur == 5


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (project("Linz am Rhein", round_year="2018"), "Zeile 3: Unbekannte Förderrunde „2018“."),
        (project("Linz am Rhein", land="Bayernland"), "Zeile 3: Unbekanntes Land „Bayernland“."),
        (project("Linz am Rhein", funding_eur="ca. 5 Mio"), "Zeile 3: Die Fördersumme"),
        (project("Linz am Rhein", source="http://unsicher"), "Zeile 3: Jede Quelle"),
        (project("Linz am Rhein", kind="Dorf"), "Zeile 3: Unbekannte Art „Dorf“."),
        (project("Linz am Rhein", category="Mittel"), "Zeile 3: Unbekannte Kategorie"),
        (project("Kusel"), "Zeile 3: „Kusel“ (2021) steht schon in Zeile 2."),
    ],
)
def test_a_broken_line_is_named_and_nothing_is_written(directory, tmp_path, row, message):
    path = write_csv(tmp_path / "mp.csv", [project("Kusel"), row])
    with pytest.raises(CommandError) as error:
        run(path)
    assert message in str(error.value)
    assert "mp.csv" in str(error.value)
    assert not ModelProject.objects.exists()
    assert not AuditEntry.objects.filter(action="solutions.modelproject.imported").exists()


def test_missing_columns_are_named(db, tmp_path):
    path = tmp_path / "mp.csv"
    path.write_text("name,kind\nA,Stadt\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Zeile 1: Es fehlen die Spalten land"):
        run(path)


def test_the_import_is_audited(directory, tmp_path):
    run(write_csv(tmp_path / "mp.csv", [project("Nirgendwo")]))
    entry = AuditEntry.objects.get(action="solutions.modelproject.imported")
    assert entry.data == {"created": 1, "updated": 0, "unmatched": [2]}
