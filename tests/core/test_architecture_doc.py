"""docs/architecture.md lists what the apps register; it must say what
`ikone show_registry` prints, so the map cannot go stale."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from ikone.core.management.commands.show_registry import marked_section

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def test_the_architecture_doc_shows_the_registries():
    out = StringIO()
    call_command("show_registry", stdout=out)

    assert marked_section(DOC.read_text(encoding="utf-8")) == out.getvalue(), (
        "docs/architecture.md is out of date: run "
        "`ikone show_registry --write-doc docs/architecture.md`"
    )


def test_show_registry_names_every_kind_of_registration():
    out = StringIO()
    call_command("show_registry", stdout=out)
    output = out.getvalue()

    for title in ("Search providers", "Demo seeders", "Navigation areas", "Notification kinds"):
        assert f"### {title}" in output
    assert "qa.FAQEntry (ikone.qa.search_documents)" in output
    assert "events: ikone.events.demo.seed_demo_events" in output


def test_write_doc_replaces_only_the_marked_section(tmp_path):
    doc = tmp_path / "architecture.md"
    doc.write_text("Intro\n<!-- show_registry:start -->\nold\n<!-- show_registry:end -->\nOutro\n")

    call_command("show_registry", "--write-doc", str(doc), stdout=StringIO())

    text = doc.read_text()
    assert text.startswith("Intro\n") and text.endswith("Outro\n")
    assert "old" not in text and "### Demo seeders" in text
