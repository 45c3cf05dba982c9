"""Site-wide search and the suggestions while typing a question, in a real
browser, with axe checks."""

from __future__ import annotations

from io import StringIO

from playwright.sync_api import expect

from tests.accounts.factories import MembershipFactory, OrganizationFactory


def test_search_from_the_header_finds_an_organisation(visitor, site_pages):
    from ikone.core.search.index import rebuild

    OrganizationFactory(name="Verbandsgemeinde Glücksdorf", slug="gluecksdorf")
    rebuild(["organization"])
    page = visitor.visit("/")
    search = page.get_by_role("search", name="Gesamte Plattform durchsuchen")
    search.get_by_label("Suchbegriff").fill("Gluecksdorf")
    visitor.click_and_check(search.get_by_role("button", name="Suchen"))
    assert visitor.path() == "/suche/?q=Gluecksdorf"
    results = page.locator("#search-results")
    link = results.get_by_role("link", name="Verbandsgemeinde Glücksdorf")
    expect(link.first).to_be_visible()
    expect(results.locator("mark").first).to_have_text("Glücksdorf")

    # Typing on the search page refreshes the results in place (htmx).
    page.locator("#id_q").fill("Wolkenkuckucksheim")
    expect(page.locator("#search-count")).to_have_text("Keine Treffer")
    visitor.check()


def test_typing_a_question_shows_suggestions(visitor, site_pages):
    from ikone.accounts.demo import seed_demo_accounts
    from ikone.calls.demo import seed_demo_calls
    from ikone.core.search.embeddings import embed_missing
    from ikone.core.search.index import rebuild

    seed_demo_accounts(stdout=StringIO())
    seed_demo_calls(stdout=StringIO())
    rebuild(["call_section"])
    embed_missing()
    staff = MembershipFactory(organization=OrganizationFactory(slug="astadt")).user

    visitor.sign_in_as(staff)
    page = visitor.visit("/fragen/neu/?call=beispielaufruf-smarte-region")
    page.get_by_label("Ihre Frage in einem Satz").press_sequentially(
        "Woher darf die Kofinanzierung kommen?", delay=20
    )
    suggestions = page.locator("#vorschlaege")
    expect(
        suggestions.get_by_role("link", name="3.2 Eigenanteil und Kofinanzierung")
    ).to_be_visible()
    expect(
        suggestions.get_by_role("button", name="Meine Frage ist beantwortet").first
    ).to_be_visible()
    visitor.check()
