"""`ikone import_call`: valid files, every kind of error, nothing changed on error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from ikone.calls.importer import CallImportError, parse_call_yaml
from ikone.calls.models import Call, CallSection, CallVersion

pytestmark = pytest.mark.django_db

VALID = """\
call:
  slug: probe-2027
  programme: Probeprogramm
  funder: Probeministerium
  title: Probeaufruf 2027
  status: open
  deadline: 2027-03-14
  federal_share: 65
  federal_share_budget_emergency: 90
  total_budget: 300000000
  phases:
    - key: A
      name: Strategie
      duration_months: 12
  required_documents:
    - title: Ratsbeschluss
    - title: Strategie
      mandatory: false
  criteria:
    - title: Beteiligung
      weight: 20
  sections:
    - title: Förderung
      text: |
        Zuschuss.
      sections:
        - title: Förderfähige Ausgaben
          text: |
            Gefördert werden:
            - Personal
            - Beratung
    - title: Bewerbung
      text: Online.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aufruf.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_creates_call_with_version_and_nested_sections(tmp_path):
    out = StringIO()
    call_command("import_call", str(write(tmp_path, VALID)), stdout=out)
    assert "Angelegt: Probeaufruf 2027" in out.getvalue()
    call = Call.objects.get(slug="probe-2027")
    assert call.federal_share == Decimal(65)
    assert call.total_budget == Decimal(300_000_000)
    # A date deadline means 24:00 Berlin time.
    assert call.deadline == dt.datetime(2027, 3, 14, 23, 59, 59, tzinfo=ZoneInfo("Europe/Berlin"))
    assert call.current_version.number == 1
    sections = list(CallSection.objects.filter(version=call.current_version))
    assert [s.number for s in sections] == ["1", "1.1", "2"]
    child = sections[1]
    assert child.parent == sections[0]
    assert child.anchor == "abschnitt-1-1"
    assert child.text == "<p>Gefördert werden:</p><ul><li>Personal</li><li>Beratung</li></ul>"
    assert [d.mandatory for d in call.required_documents.all()] == [True, False]


def test_second_import_changes_nothing(tmp_path):
    path = write(tmp_path, VALID)
    call_command("import_call", str(path), stdout=StringIO())
    call = Call.objects.get(slug="probe-2027")
    document_ids = list(call.required_documents.values_list("pk", flat=True))
    out = StringIO()
    call_command("import_call", str(path), stdout=out)
    assert "Unverändert" in out.getvalue()
    assert CallVersion.objects.filter(call=call).count() == 1
    assert list(call.required_documents.values_list("pk", flat=True)) == document_ids


def test_changed_text_becomes_a_new_version_and_rows_keep_their_ids(tmp_path):
    call_command("import_call", str(write(tmp_path, VALID)), stdout=StringIO())
    call = Call.objects.get(slug="probe-2027")
    criterion_id = call.criteria.get().pk
    changed = VALID.replace("Online.", "Online über das Portal.").replace(
        "weight: 20", "weight: 25"
    )
    out = StringIO()
    call_command("import_call", str(write(tmp_path, changed)), stdout=out)
    assert "Fassung 2 veröffentlicht" in out.getvalue()
    call.refresh_from_db()
    assert call.current_version.number == 2
    assert call.current_version.changed_numbers == ["2"]
    criterion = call.criteria.get()
    assert criterion.pk == criterion_id
    assert criterion.weight == Decimal(25)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("call: [", "Zeile"),
        ("nur: text\n", "„call:“"),
        (
            VALID.replace("  title: Probeaufruf 2027\n", ""),
            "Zeile 2, Feld „call.title“: Pflichtfeld fehlt.",
        ),
        (
            VALID.replace("status: open", "status: offen"),
            "Zeile 6, Feld „call.status“: Erlaubt sind",
        ),
        (
            VALID.replace("deadline: 2027-03-14", "deadline: morgen"),
            "Zeile 7, Feld „call.deadline“",
        ),
        (
            VALID.replace("federal_share: 65", "federal_share: 165"),
            "Zeile 8, Feld „call.federal_share“",
        ),
        (
            VALID.replace("total_budget: 300000000", "total_budget: viel"),
            "Zeile 10, Feld „call.total_budget“: Zahl erwartet.",
        ),
        (
            VALID.replace("duration_months: 12", "duration_months: zwölf"),
            "Zeile 14, Feld „call.phases[1].duration_months“",
        ),
        (
            VALID.replace("mandatory: false", "mandatory: vielleicht"),
            "Zeile 18, Feld „call.required_documents[2].mandatory“",
        ),
        (VALID.replace("slug: probe-2027", "slug: Probe 2027"), "Feld „call.slug“"),
        (
            VALID.replace("  programme:", "  programm: x\n  programme:"),
            "Feld „call.programm“: Unbekanntes Feld.",
        ),
        (
            VALID.replace("    - title: Bewerbung", "    - number: '1'\n      title: Bewerbung"),
            "Nummer 1 doppelt",
        ),
        (
            VALID.replace(
                "        - title: Förderfähige",
                "        - number: '2.1'\n          title: Förderfähige",
            ),
            "muss mit „1.“ beginnen",
        ),
    ],
)
def test_errors_name_line_and_field_and_change_nothing(tmp_path, text, message):
    with pytest.raises(CommandError) as excinfo:
        call_command("import_call", str(write(tmp_path, text)), stdout=StringIO())
    assert message in str(excinfo.value)
    assert "nichts geändert" in str(excinfo.value)
    assert not Call.objects.exists()


def test_all_errors_are_listed_at_once():
    text = VALID.replace("status: open", "status: offen").replace(
        "federal_share: 65", "federal_share: x"
    )
    with pytest.raises(CallImportError) as excinfo:
        parse_call_yaml(text)
    assert len(excinfo.value.errors) == 2


def test_unknown_field_of_action_changes_nothing(tmp_path):
    text = VALID.replace("  phases:", "  fields_of_action: [gibt-es-nicht]\n  phases:")
    with pytest.raises(CommandError, match="gibt-es-nicht"):
        call_command("import_call", str(write(tmp_path, text)), stdout=StringIO())
    assert not Call.objects.exists()


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="kann nicht gelesen werden"):
        call_command("import_call", str(tmp_path / "fehlt.yaml"))


def test_html_sections_are_sanitised(tmp_path):
    text = VALID.replace(
        "      text: Online.", '      html: "<p onclick=\\"x()\\">Online <script>x()</script></p>"'
    )
    call_command("import_call", str(write(tmp_path, text)), stdout=StringIO())
    section = CallSection.objects.get(number="2")
    assert section.text == "<p>Online </p>"


def test_example_file_in_the_repository_imports(tmp_path):
    from ikone.calls.demo import EXAMPLE_FILE

    out = StringIO()
    call_command("import_call", str(EXAMPLE_FILE), stdout=out)
    call = Call.objects.get(is_example=True)
    assert CallSection.objects.filter(version=call.current_version).count() >= 30
