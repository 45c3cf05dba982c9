"""Searching the municipality directory and opening a municipality."""

from playwright.sync_api import expect

from tests.municipalities.factories import (
    DistrictFactory,
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)


def _directory() -> None:
    district = DistrictFactory(ags="07340", name="Südwestpfalz", type_label="Landkreis")
    for number, name in enumerate(["Hauenstein", "Dahn", "Rodalben", "Thaleischweiler-Fröschen"]):
        MunicipalityFactory(ags=f"07340{number + 1:03d}", name=name, district=district)
    zweibruecken = MunicipalityFactory(
        ags="07320000", name="Zweibrücken", type_label="Kreisfreie Stadt", population=34_000
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=zweibruecken, slug="zweibruecken")
    )


def test_search_the_directory_and_open_a_municipality(visitor, site_pages):
    _directory()
    page = visitor.visit("/")
    visitor.click_and_check(
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Kommunen")
    )
    assert visitor.path() == "/kommunen/"
    visitor.check_keyboard()

    # Typing filters the list in place (htmx); the page stays accessible.
    page.get_by_label("Name").fill("zweibruecken")
    results = page.locator("#municipality-results")
    expect(results.get_by_role("link", name="Dahn")).to_have_count(0)
    expect(results.get_by_role("link", name="Zweibrücken")).to_be_visible()
    page.wait_for_url("**/kommunen/?q=zweibruecken*")  # htmx keeps the address bookmarkable
    visitor.check()

    visitor.click_and_check(results.get_by_role("link", name="Zweibrücken"))
    assert visitor.path() == "/kommunen/07320000/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Zweibrücken")


def test_the_directory_works_without_javascript(new_visitor, browser, live_server, site_pages):
    _directory()
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/kommunen/?q=Dahn")
        assert page.locator("#municipality-results").get_by_role("link", name="Dahn").is_visible()
        page.locator("#municipality-results").get_by_role("link", name="Dahn").click()
        assert page.url.endswith("/kommunen/07340002/")
    finally:
        context.close()
