"""The financing plan, the schedule and the export of a draft in a real
browser: German amounts, warnings against the deadline, the PDF downloads."""

from __future__ import annotations

import io
from decimal import Decimal

import pypdf

from ikone.applications.models import CostItem
from tests.applications.plan_fixtures import *  # noqa: F403


def test_plan_costs_and_milestones_then_download_the_pdf(visitor, draft, phases, staff_member):
    visitor.sign_in_as(staff_member)

    page = visitor.visit(f"/bewerbungen/{draft.pk}/finanzierung/")
    visitor.check_keyboard()
    form = page.locator("form", has=page.get_by_role("button", name="Hinzufügen"))
    form.get_by_label("Maßnahme").fill("Dorf-App (Beispiel)")
    form.get_by_label("Kostenart").select_option(label="Investitionen")
    form.get_by_label("Phase").select_option(label="Phase A")
    form.get_by_label("Jahr").fill("2027")
    form.get_by_label("Betrag in Euro").fill("12.500,5O")  # a typo: letter O
    # The invalid form comes back with status 400, which Chromium logs.
    visitor.expect_console_error(
        r"finanzierung/neu/.*status of 400|status of 400.*finanzierung/neu/"
    )
    visitor.click_and_check(form.get_by_role("button", name="Hinzufügen"))
    assert page.get_by_text("ist kein Betrag").is_visible()
    assert form.get_by_label("Maßnahme").input_value() == "Dorf-App (Beispiel)"
    form.get_by_label("Betrag in Euro").fill("12.500,50")
    visitor.click_and_check(form.get_by_role("button", name="Hinzufügen"))
    assert CostItem.objects.get().amount == Decimal("12500.50")
    assert page.get_by_role("cell", name="8.125,33\u00a0€").first.is_visible()

    page = visitor.visit(f"/bewerbungen/{draft.pk}/zeitplan/")
    form = page.locator("form", has=page.get_by_role("button", name="Hinzufügen"))
    form.get_by_label("Bezeichnung").fill("Ratsbeschluss")
    form.get_by_label("Art").select_option(label="Ratsbeschluss")
    form.get_by_label("Datum").fill("2026-12-20")
    visitor.click_and_check(form.get_by_role("button", name="Hinzufügen"))
    assert page.get_by_text("Meilenstein nach der Frist").is_visible()
    assert page.get_by_text("5 Tage nach der Einreichungsfrist").first.is_visible()

    page = visitor.visit(f"/bewerbungen/{draft.pk}/")
    visitor.click_and_check(
        page.get_by_role("link", name="als PDF oder Word-Dokument (DOCX) herunterladen")
    )
    # The PDF is made in the background; the page shows it once it is ready.
    page.get_by_role("button", name="PDF erstellen").click()
    link = page.get_by_role("link", name="PDF herunterladen")
    link.wait_for(timeout=30_000)
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    content = open(download.path(), "rb").read()  # noqa: SIM115 - a temporary file
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) > 1
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Dorf-App (Beispiel)" in text and "12.500,50" in text


def test_edit_pages_and_api_access_pass_axe(visitor, draft, phases, staff_member):
    from datetime import date

    from ikone.applications.models import CostCategory, MilestoneKind
    from ikone.applications.services import financing, schedule
    from ikone.core.audit import Actor

    actor = Actor(user=staff_member)
    item = financing.cost_item_create(
        draft=draft,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure="Projektleitung (Beispiel)",
        phase=phases[0],
        year=2027,
        amount=Decimal("1000.00"),
    )
    milestone = schedule.milestone_create(
        draft=draft,
        actor=actor,
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2026, 12, 1),
    )
    visitor.sign_in_as(staff_member)
    page = visitor.visit(f"/bewerbungen/{draft.pk}/finanzierung/{item.pk}/")
    assert page.get_by_label("Betrag in Euro").input_value() == "1.000,00"
    visitor.visit(f"/bewerbungen/{draft.pk}/finanzierung/{item.pk}/loeschen/")
    visitor.visit(f"/bewerbungen/{draft.pk}/zeitplan/{milestone.pk}/")
    visitor.visit(f"/bewerbungen/{draft.pk}/zeitplan/{milestone.pk}/loeschen/")

    page = visitor.visit("/bewerbungen/api-zugang/")
    visitor.click_and_check(page.get_by_role("button", name="Schlüssel erstellen"))
    assert page.locator("#api-key").is_visible()
