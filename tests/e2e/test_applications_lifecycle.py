"""A draft's lifecycle and its export in a real browser (issue 11, points 9
and 11): the Ansprechperson renames, deletes (with a confirmation) and
restores a draft, reopens it after submission; a colleague makes the PDF in
the background and downloads it; the criteria matrix shows two mentors'
own scores. Every page passes axe-core."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from ikone.applications import workflow
from ikone.applications.models import Draft, DraftMentor, DraftStatus
from ikone.applications.services.drafts import draft_create, draft_transition
from ikone.applications.services.review import mentor_assessment_save
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.core.audit import Actor
from tests.accounts.factories import (
    ContactMembershipFactory,
    MembershipFactory,
    MentorFactory,
    OrganizationFactory,
)
from tests.applications.core_fixtures import make_call

EXPORT_WAIT = 30_000  # the PDF is made after the request has committed


@pytest.fixture
def workshop(transactional_db):
    organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
    till = MembershipFactory(
        organization=organization, user__email="till@astadt.example", user__name="Till Team"
    ).user
    anna = ContactMembershipFactory(
        organization=organization, user__email="anna@astadt.example", user__name="Anna Ansprech"
    ).user
    call = make_call("e2e-lebenslauf")
    criterion = EvaluationCriterion.objects.create(call=call, title="Strategischer Ansatz")
    RequiredDocument.objects.create(call=call, title="Ratsbeschluss")
    draft = draft_create(
        organization=organization, call=call, title="Astadt vernetzt", actor=Actor(user=till)
    )
    return {"draft": draft, "till": till, "anna": anna, "criterion": criterion}


def test_rename_delete_restore_and_reopen(visitor, workshop):
    draft = workshop["draft"]
    visitor.sign_in_as(workshop["anna"])
    page = visitor.visit(f"/bewerbungen/{draft.pk}/")
    visitor.click_and_check(page.get_by_role("link", name="Umbenennen"))
    page.get_by_label("Titel").fill("Astadt verbindet")
    visitor.click_and_check(page.get_by_role("button", name="Titel speichern"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Astadt verbindet")

    visitor.click_and_check(page.get_by_role("link", name="Löschen (in den Papierkorb)"))
    expect(page.get_by_text("30 Tage lang")).to_be_visible()
    visitor.click_and_check(page.get_by_role("button", name="In den Papierkorb verschieben"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Papierkorb")
    assert not Draft.objects.filter(pk=draft.pk).exists()
    expect(page.get_by_role("table")).to_contain_text("Astadt verbindet")
    visitor.click_and_check(page.get_by_role("button", name=re.compile("^Wiederherstellen")))
    expect(page.get_by_text("ist wiederhergestellt")).to_be_visible()

    draft_transition(
        draft=Draft.objects.get(pk=draft.pk),
        action=workflow.SUBMIT,
        submitted_on=date(2099, 12, 1),
        actor=Actor(user=workshop["till"]),
    )
    page = visitor.visit(f"/bewerbungen/{draft.pk}/")
    visitor.click_and_check(page.get_by_role("link", name="Eingereichten Entwurf wieder öffnen"))
    visitor.click_and_check(page.get_by_role("button", name="Wieder öffnen"))
    expect(page.get_by_text("wieder in Bearbeitung")).to_be_visible()
    assert Draft.objects.get(pk=draft.pk).status == DraftStatus.DRAFT


def test_the_pdf_is_made_in_the_background_and_downloaded(visitor, workshop):
    draft = workshop["draft"]
    visitor.sign_in_as(workshop["till"])
    page = visitor.visit(f"/bewerbungen/{draft.pk}/")
    visitor.click_and_check(
        page.get_by_role("link", name="als PDF oder Word-Dokument (DOCX) herunterladen")
    )
    page.get_by_role("button", name="PDF erstellen").click()
    link = page.get_by_role("link", name="PDF herunterladen")
    expect(link).to_be_visible(timeout=EXPORT_WAIT)
    visitor.check()
    with page.expect_download() as download_info:
        link.click()
    assert download_info.value.suggested_filename == "astadt-vernetzt.pdf"


def test_two_mentors_scores_in_the_matrix(visitor, workshop):
    draft, criterion = workshop["draft"], workshop["criterion"]
    for email, name, score in (
        ("mia@example.org", "Mia Mentorin", 1),
        ("max@example.org", "Max Mentor", 3),
    ):
        mentor = MentorFactory(email=email, name=name)
        DraftMentor.objects.create(draft=draft, mentor=mentor, shared_by=workshop["anna"])
        mentor_assessment_save(
            draft=draft,
            criterion=criterion,
            score=score,
            note=f"Notiz von {name}",
            actor=Actor(user=mentor),
        )
    visitor.sign_in_as(workshop["till"])
    page = visitor.visit(f"/bewerbungen/{draft.pk}/kriterien/")
    expect(page.get_by_text("Notiz von Mia Mentorin")).to_be_visible()
    expect(page.get_by_text("Notiz von Max Mentor")).to_be_visible()
