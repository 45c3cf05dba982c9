"""The application workshop in a real browser: two colleagues write the same
section at once and merge, a mentor comments, and every draft page passes
axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ikone.applications.models import DraftMentor, DraftSection, SectionComment
from ikone.applications.services.drafts import draft_create
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.core.audit import Actor
from tests.accounts.factories import (
    ContactMembershipFactory,
    MembershipFactory,
    MentorFactory,
    OrganizationFactory,
)
from tests.applications.core_fixtures import make_call

from .browser import Visitor

SAVE_WAIT = 15_000  # the autosave fires 3 s after the last key


@pytest.fixture
def workshop(transactional_db):
    organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
    till = MembershipFactory(
        organization=organization, user__email="till@astadt.example", user__name="Till Team"
    ).user
    anna = ContactMembershipFactory(
        organization=organization, user__email="anna@astadt.example", user__name="Anna Ansprech"
    ).user
    mentor = MentorFactory(email="mia@example.org", name="Mia Mentorin")
    call = make_call("e2e-aufruf")
    EvaluationCriterion.objects.create(call=call, title="Strategischer Ansatz")
    RequiredDocument.objects.create(call=call, title="Ratsbeschluss")
    draft = draft_create(
        organization=organization,
        call=call,
        title="Astadt vernetzt (Beispiel)",
        actor=Actor(user=till),
    )
    DraftMentor.objects.create(draft=draft, mentor=mentor, shared_by=anna)
    return {"draft": draft, "till": till, "anna": anna, "mentor": mentor}


def _section_path(draft, key="ausgangslage") -> str:
    return f"/bewerbungen/{draft.pk}/abschnitte/{key}/"


def _open_editor(visitor: Visitor, user, path: str):
    visitor.sign_in_as(user)
    page = visitor.visit(path)
    return page, page.get_by_label(re.compile("Text des Abschnitts"))


def test_two_colleagues_edit_the_same_section_and_merge(new_visitor, workshop):
    draft = workshop["draft"]
    path = _section_path(draft)
    anna_visitor, till_visitor = new_visitor(), new_visitor()
    anna_page, anna_text = _open_editor(anna_visitor, workshop["anna"], path)
    till_page, till_text = _open_editor(till_visitor, workshop["till"], path)

    anna_text.press_sequentially("Annas Absatz zur Lage.")
    expect(anna_page.locator("#save-state")).to_contain_text("Nicht gespeichert")
    expect(anna_page.locator("#save-state")).to_contain_text("Gespeichert", timeout=SAVE_WAIT)
    expect(anna_page.locator("#save-state")).not_to_contain_text("Nicht", timeout=SAVE_WAIT)
    assert (
        DraftSection.objects.get(draft=draft, key="ausgangslage").text == "Annas Absatz zur Lage."
    )

    # Till started from the empty version: his autosave must not overwrite.
    till_text.press_sequentially("Tills Zahlen.")
    merge = till_page.locator("#editor")
    expect(merge).to_contain_text("Inzwischen hat jemand anderes gespeichert", timeout=SAVE_WAIT)
    expect(till_page.get_by_test_id("theirs")).to_contain_text("Annas Absatz zur Lage.")
    mine = till_page.get_by_label(re.compile("Ihr Text"))
    expect(mine).to_have_value("Tills Zahlen.")
    assert (
        DraftSection.objects.get(draft=draft, key="ausgangslage").text == "Annas Absatz zur Lage."
    )
    till_visitor.check()  # the merge view passes axe too

    mine.fill("Annas Absatz zur Lage.\n\nTills Zahlen.")
    till_visitor.click_and_check(
        till_page.get_by_role("button", name="Zusammengeführten Text speichern")
    )
    expect(till_page.get_by_text("Der Abschnitt ist gespeichert.")).to_be_visible()
    section = DraftSection.objects.get(draft=draft, key="ausgangslage")
    assert section.text == "Annas Absatz zur Lage.\n\nTills Zahlen."
    assert section.version == 2

    # Both versions are in the history, with who saved them, and comparable.
    till_visitor.click_and_check(till_page.get_by_role("link", name="Versionen und Unterschiede"))
    expect(till_page.locator("table")).to_contain_text("Anna Ansprech")
    expect(till_page.locator("table")).to_contain_text("Till Team")
    till_visitor.click_and_check(till_page.get_by_role("button", name="Vergleichen"))
    expect(till_page.get_by_test_id("diff").locator("ins")).to_contain_text("Tills Zahlen.")


def test_a_mentor_comments_and_the_team_resolves(new_visitor, workshop):
    draft = workshop["draft"]
    mentor_visitor = new_visitor()
    mentor_visitor.sign_in_as(workshop["mentor"])
    page = mentor_visitor.visit(_section_path(draft, "beteiligung"))
    # Mentors read; they have no editor.
    expect(page.get_by_label(re.compile("Text des Abschnitts"))).to_have_count(0)
    page.get_by_label("Kommentar", exact=True).fill(
        "Wer wurde schon beteiligt? Bitte Zahlen nennen."
    )
    mentor_visitor.click_and_check(page.get_by_role("button", name="Kommentar hinzufügen"))
    expect(page.get_by_text("Ihr Kommentar ist gespeichert.")).to_be_visible()
    assert SectionComment.objects.get().author == workshop["mentor"]

    team = new_visitor()
    team.sign_in_as(workshop["till"])
    page = team.visit(_section_path(draft, "beteiligung"))
    expect(page.locator("section[aria-labelledby=kommentare]")).to_contain_text(
        "Bitte Zahlen nennen."
    )
    page.get_by_label("Antwort auf den Kommentar").fill("Drei Werkstätten, 120 Personen.")
    team.click_and_check(page.get_by_role("button", name="Antwort senden"))
    team.click_and_check(page.get_by_role("button", name="Als erledigt markieren"))
    expect(page.locator("section[aria-labelledby=kommentare]")).to_contain_text("erledigt")
    assert SectionComment.objects.get(parent=None).resolved_by == workshop["till"]


def test_every_draft_page_passes_axe(visitor, workshop):
    draft = workshop["draft"]
    visitor.sign_in_as(workshop["till"])
    page = visitor.visit("/bewerbungen/")
    visitor.click_and_check(page.get_by_role("link", name=draft.title))
    for name in ("Kriterien", "Unterlagen", "Bereitschaft"):
        visitor.click_and_check(
            page.get_by_role("navigation", name="Bereiche des Entwurfs").get_by_role(
                "link", name=name
            )
        )
    for path in (
        f"/bewerbungen/{draft.pk}/freigabe/",
        f"/bewerbungen/{draft.pk}/ergebnis/",
        f"/bewerbungen/{draft.pk}/abschnitte/ausgangslage/versionen/",
        "/bewerbungen/neu/",
    ):
        visitor.visit(path)
    visitor.check_keyboard()


TAB_BOXES = """() => [...document.querySelectorAll('.ikone-draft-tabs__link')].map((a) => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent, width: box.width, height: box.height,
          bullets: getComputedStyle(a.closest('ul')).listStyleType};
})"""


def test_draft_tabs_look_the_same_and_are_large_enough(visitor, workshop):
    """Issue 11.14: every tab page shows the same tabs, each a target of at
    least 24 × 24 px; the budget emergency hint wraps under its label."""
    draft = workshop["draft"]
    visitor.sign_in_as(workshop["till"])
    page = visitor.visit(f"/bewerbungen/{draft.pk}/")
    layouts = []
    for name in (
        "Kriterien",
        "Unterlagen",
        "Finanzierung",
        "Zeitplan",
        "Bereitschaft",
        "Übersicht",
    ):
        visitor.click_and_check(
            page.get_by_role("navigation", name="Bereiche des Entwurfs").get_by_role(
                "link", name=name
            )
        )
        boxes = page.evaluate(TAB_BOXES)
        assert all(box["width"] >= 24 and box["height"] >= 24 for box in boxes), boxes
        assert {box["bullets"] for box in boxes} == {"none"}, boxes
        layouts.append([(box["text"], round(box["height"])) for box in boxes])
        if name == "Finanzierung":
            hint = page.locator("#id_budget_emergency_helptext").bounding_box()
            label = page.locator("label[for=id_budget_emergency]").bounding_box()
            assert hint and label and hint["width"] > 300, hint
            assert hint["x"] >= label["x"] - 1 and hint["height"] < 80, (hint, label)
    assert all(layout == layouts[0] for layout in layouts), layouts


def test_a_mentor_who_leaves_the_platform_stays_as_former_mentor(
    new_visitor, workshop, site_pages
):
    """Issue 11.7: the mentor deletes their account; their comment and
    recommendation stay with the draft, named "ehemalige:r Mentor:in".
    (The deletion ends on the start page, a CMS page: hence `site_pages`.)"""
    from ikone.applications.models import Recommendation
    from ikone.applications.services.review import comment_add, recommendation_save
    from tests.accounts.factories import PASSWORD

    draft, mentor = workshop["draft"], workshop["mentor"]
    section = draft.sections.get(key="beteiligung")
    comment_add(section=section, text="Bitte Zahlen nennen.", actor=Actor(user=mentor))
    recommendation_save(
        draft=draft,
        recommendation=Recommendation.WITH_CHANGES,
        text="Finanzierung nachschärfen.",
        actor=Actor(user=mentor),
    )

    leaving = new_visitor()
    leaving.sign_in_as(mentor)
    page = leaving.visit("/konto/loeschen/")
    page.get_by_label("Ihr Passwort").fill(PASSWORD)
    page.get_by_label("Ja, ich möchte mein Konto endgültig löschen.").check()
    leaving.click_and_check(page.get_by_role("button", name="Konto endgültig löschen"))

    team = new_visitor()
    team.sign_in_as(workshop["till"])
    page = team.visit(f"/bewerbungen/{draft.pk}/")
    expect(page.locator("section[aria-labelledby=begleitung]")).to_contain_text(
        "ehemalige:r Mentor:in"
    )
    expect(page.get_by_text("Finanzierung nachschärfen.")).to_be_visible()
    page = team.visit(_section_path(draft, "beteiligung"))
    expect(page.locator("section[aria-labelledby=kommentare]")).to_contain_text(
        "ehemalige:r Mentor:in"
    )


def test_a_long_history_is_paginated(visitor, workshop):
    """Issue 11.12: the history page shows 50 versions a page."""
    draft = workshop["draft"]
    section = DraftSection.objects.get(draft=draft, key="ausgangslage")
    from ikone.applications.models import SectionRevision

    SectionRevision.objects.bulk_create(
        SectionRevision(section=section, version=n, text=f"Stand {n}", author=workshop["till"])
        for n in range(1, 61)
    )
    DraftSection.objects.filter(pk=section.pk).update(version=60, text="Stand 60")
    visitor.sign_in_as(workshop["till"])
    page = visitor.visit(f"{_section_path(draft)}versionen/")
    assert page.get_by_text("60 gespeicherte Versionen.").is_visible()
    assert page.locator('input[name="a"]').count() == 50
    visitor.click_and_check(page.get_by_role("link", name="Ältere Versionen"))
    assert page.locator('input[name="a"]').count() == 10
    assert page.get_by_text("Seite 2 von 2", exact=True).is_visible()
