"""A coordinator reads the audit log in the browser: filters, pages, keyboard."""

from ikone.core import audit
from ikone.core.audit import Actor
from tests.core.helpers import make_user


def test_coordinator_filters_the_audit_log(visitor):
    coordinator = make_user(
        "koordination@example.org", name="Kora Koordination", is_coordinator=True
    )
    colleague = make_user("kollegin@example.org", name="Karla Kollegin")
    for _ in range(55):
        audit.record(
            Actor(user=coordinator, ip_address="192.0.2.1"),
            "accounts.invitation.sent",
            target=colleague,
        )
    audit.record(Actor(user=colleague), "accounts.user.exported", target=colleague)
    visitor.sign_in_as(coordinator)

    page = visitor.visit("/netzwerk/protokoll/")
    rows = page.locator("tbody tr")
    assert rows.count() == 50
    visitor.check_keyboard()

    visitor.click_and_check(page.get_by_role("link", name="Ältere Einträge"))
    assert "seite=2" in visitor.path()
    assert rows.count() == 6

    page.get_by_label("Aktion").fill("accounts.user")
    visitor.click_and_check(page.get_by_role("button", name="Filtern"))
    assert rows.count() == 1
    assert page.get_by_role("cell", name="kollegin@example.org").is_visible()


def test_other_people_see_no_audit_log(visitor):
    visitor.sign_in_as(make_user("person@example.org"))
    # Chromium logs the refused page's status as a console error.
    visitor.expect_console_error(r"status of 403")
    response = visitor.page.goto(visitor.url("/netzwerk/protokoll/"))
    assert response is not None and response.status == 403
    visitor.check()
    assert visitor.page.get_by_role("heading", name="Kein Zugriff").is_visible()
