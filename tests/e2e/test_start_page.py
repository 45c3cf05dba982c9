"""The start page, as a person arriving at the platform sees it."""


def test_start_page_is_accessible_and_usable_with_the_keyboard(visitor, site_pages):
    page = visitor.visit("/")
    assert page.locator("h1").count() == 1
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    visitor.check_keyboard()


def test_switch_to_english_and_back(visitor, site_pages):
    page = visitor.visit("/")
    assert page.locator("html").get_attribute("lang") == "de"
    visitor.click_and_check(page.get_by_role("link", name="English"))
    assert visitor.path().startswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Sign in").is_visible()
    assert page.get_by_role("navigation", name="Main navigation").is_visible()
    visitor.click_and_check(page.get_by_role("link", name="Deutsch"))
    assert not visitor.path().startswith("/en/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("link", name="Anmelden").is_visible()
