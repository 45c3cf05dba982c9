"""Funding calls in a real browser: the list, the example call with its
table of contents and section anchors, versions and the diff (axe-clean),
and a coordinator publishing an amendment."""

from __future__ import annotations

from ikone.calls.demo import EXAMPLE_SLUG, seed_demo_calls
from ikone.calls.models import Call
from tests.accounts.factories import CoordinatorFactory


def test_open_example_call_follow_a_section_link_and_open_the_diff(visitor):
    seed_demo_calls()
    page = visitor.visit("/foerderaufrufe/")
    assert page.get_by_role(
        "link", name="Modellprojekte Smart Cities 2021 – 3. Staffel"
    ).is_visible()
    visitor.click_and_check(
        page.get_by_role("link", name="Beispielaufruf: Smarte Region gemeinsam gestalten")
    )
    assert page.get_by_role(
        "heading", name="Beispielaufruf: Smarte Region gemeinsam gestalten"
    ).is_visible()
    assert page.get_by_text("noch 42 Tage").first.is_visible()
    # The table of contents links to the nested section; the URL keeps the anchor.
    page.get_by_role("navigation", name="Inhalt").get_by_role(
        "link", name="3.4 Förderfähige Ausgaben"
    ).click()
    page.wait_for_url(f"**/foerderaufrufe/{EXAMPLE_SLUG}/#abschnitt-3-4")
    section = page.locator("#abschnitt-3-4")
    assert section.is_visible()
    assert section.get_by_text("Hard- und Software").is_visible()
    visitor.check()

    visitor.click_and_check(page.get_by_role("link", name="Alle Fassungen und Änderungen"))
    visitor.click_and_check(page.get_by_role("link", name="Fassung 1 mit 2 vergleichen"))
    assert page.get_by_role("heading", name="Änderungen von Fassung 1 zu Fassung 2").is_visible()
    assert page.get_by_text("2 Abschnitte geändert").is_visible()
    inserted = page.locator("#diff-abschnitt-5-2 ins").first
    assert "eingefügt:" in inserted.inner_text()
    visitor.check_keyboard()
    visitor.visit(f"/foerderaufrufe/{EXAMPLE_SLUG}/versionen/1/")
    assert page.get_by_text("Sie lesen die ältere Fassung 1.").is_visible()


def test_coordinator_publishes_an_amendment(visitor):
    seed_demo_calls()
    visitor.sign_in_as(CoordinatorFactory())
    page = visitor.visit(f"/foerderaufrufe/{EXAMPLE_SLUG}/")
    visitor.click_and_check(page.get_by_role("link", name="Neue Fassung veröffentlichen"))
    page.get_by_label("Änderungshinweis").fill("Frist für Fragen verlängert.")
    fieldset = page.get_by_role("group", name="Abschnitt 5.4")
    fieldset.get_by_label("Text").fill(
        "Die Bewerbung muss bis zur Einreichungsfrist um 24:00 Uhr vollständig eingereicht "
        "sein. Fragen zum Aufruf können bis fünf Tage vor Fristende gestellt werden."
    )
    visitor.click_and_check(page.get_by_role("button", name="Fassung veröffentlichen"))
    assert page.get_by_text("Fassung 3 ist veröffentlicht.").is_visible()
    assert page.get_by_text("1 Abschnitt geändert").is_visible()
    assert Call.objects.get(slug=EXAMPLE_SLUG).current_version.number == 3
