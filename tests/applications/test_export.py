"""PDF and DOCX export: who may download, and what the files contain."""

import io
from datetime import date
from decimal import Decimal

import docx
import pypdf
import pytest
from django.urls import reverse

from ikone.applications.export import pdf
from ikone.applications.export.content import blocks_from_text, build_export
from ikone.applications.models import CostCategory, CriterionAssessment, MilestoneKind
from ikone.applications.services import financing, schedule
from ikone.calls.models import EvaluationCriterion
from ikone.core.audit import Actor
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in


@pytest.fixture
def full_draft(draft, phases, staff_member):
    actor = Actor(user=staff_member)
    for phase, year, amount in [(phases[0], 2027, "120000.00"), (phases[1], 2028, "99999.99")]:
        financing.cost_item_create(
            draft=draft,
            actor=actor,
            category=CostCategory.PERSONNEL,
            measure="Projektkoordination",
            phase=phase,
            year=year,
            amount=Decimal(amount),
        )
    schedule.milestone_create(
        draft=draft,
        actor=actor,
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2026, 12, 10),
    )
    criterion = EvaluationCriterion.objects.create(call=draft.call, title="Übertragbarkeit")
    assessment = CriterionAssessment.objects.create(draft=draft, criterion=criterion, self_score=2)
    assessment.sections.set([draft.sections.get(key="vision")])
    long_text = "\n\n".join(["Ein längerer Absatz über die Ausgangslage. " * 30] * 6)
    draft.sections.filter(key="ausgangslage").update(text=long_text)
    return draft


def pdf_text(content: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _made(client, draft, format, capture) -> bytes:
    """Ask for the file (the task runs on commit) and download it."""
    with capture(execute=True):
        client.post(reverse("applications:export_create", args=[draft.pk, format]))
    response = client.get(reverse(f"applications:export_{format}", args=[draft.pk]))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("staff_a", 200),
        ("staff_b", 404),
        ("contact_a", 200),
        ("mentor", 404),
        ("coordinator", 404),
        ("admin", 404),
    ],
)
@pytest.mark.parametrize("name", ["applications:export_pdf", "applications:export_docx"])
def test_download_per_role(
    name, role, status, draft, client_for, staff_member, django_capture_on_commit_callbacks
):
    """Once a colleague made the file, who may read the draft downloads it."""
    made = client_for("staff_a")
    _made(made, draft, name.rsplit("_", 1)[1], django_capture_on_commit_callbacks)
    response = client_for(role).get(reverse(name, args=[draft.pk]))
    assert response.status_code == status


def test_pdf_contains_the_draft(
    full_draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    response = _made(client, full_draft, "pdf", django_capture_on_commit_callbacks)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="smarte-dorfer-beispiel.pdf"' in response["Content-Disposition"]
    reader, text = pdf_text(b"".join(response.streaming_content))
    assert len(reader.pages) > 1
    for expected in [
        "Smarte Dörfer (Beispiel)",
        "Inhalt",
        "1 Ausgangslage",
        "2 Vision und Ziele",
        "Daseinsvorsorge sichern",
        "Bewertungskriterien",
        "Übertragbarkeit",
        "Finanzierungsplan",
        "219.999,99",  # total
        "142.999,99",  # 65 % federal share, half up
        "77.000,00",
        "Zeitplan",
        "Ratsbeschluss",
        f"Seite 2 von {len(reader.pages)}",
    ]:
        assert expected in text, expected
    # Document language and a tagged structure (PDF/UA).
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Smarte Dörfer (Beispiel)"


def test_docx_has_real_headings_and_tables(
    full_draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    response = _made(client, full_draft, "docx", django_capture_on_commit_callbacks)
    document = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "1 Ausgangslage") in headings
    assert ("Heading 1", "Finanzierungsplan") in headings
    assert ("Heading 2", "Kosten je Phase und Jahr") in headings
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Ehrenamt stärken" in bullets
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "219.999,99\u00a0€" in cells
    assert "Übertragbarkeit" in cells
    assert document.core_properties.language == "de-DE"
    # The contents list is a TOC field that already shows the chapters.
    texts = [p.text for p in document.paragraphs]
    assert texts.count("1 Ausgangslage") == 2
    assert 'TOC \\o "1-2"' in document.element.xml


def test_export_reads_a_fixed_number_of_queries(full_draft, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        document = build_export(full_draft)
    assert [section.title for section in document.sections] == ["Ausgangslage", "Vision und Ziele"]


def test_fetcher_serves_static_files_only():
    fetcher = pdf.StaticOnlyFetcher()
    css = fetcher.fetch(pdf.BASE_URL + "static/applications/export/print.css")
    assert b"@page" in css.read()
    for url in [
        "https://example.org/x.css",
        "http://export.ikone.invalid/static/applications/export/print.css",
        "file:///etc/passwd",
        pdf.BASE_URL + "static/../settings.py",
        pdf.BASE_URL + "media/secret.pdf",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_blocks_from_text():
    blocks = blocks_from_text("Erster Absatz\nzweite Zeile\n\n- a\n- b\n\n1. eins\n2. zwei\n\n")
    assert blocks[0].text == "Erster Absatz zweite Zeile"
    assert blocks[1].items == ("a", "b") and not blocks[1].ordered
    assert blocks[2].items == ("eins", "zwei") and blocks[2].ordered
    assert blocks_from_text("   ") == ()
