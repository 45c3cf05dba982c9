"""The third-party interfaces under our Content Security Policy: Swagger UI
(strict policy with a nonce), Django's admin (strict policy) and Wagtail's
admin (the one documented relaxation) work without violations."""

from playwright.sync_api import expect

from tests.accounts.factories import AdminFactory


def test_swagger_ui_renders_under_the_strict_policy(visitor):
    page = visitor.page
    page.goto(visitor.url("/api/v1/docs/"))
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    visitor.check_policy_only()


def test_the_admins_run_without_policy_violations(visitor, site_pages):
    visitor.sign_in_as(AdminFactory(email="admin@example.org"))
    page = visitor.page
    for path in [
        "/admin/",
        "/admin/accounts/organization/",
        "/admin/accounts/organization/add/",
        "/admin/core/auditentry/",
        "/cms/",
        "/cms/pages/",
        "/cms/images/",
        "/cms/documents/",
    ]:
        response = page.goto(visitor.url(path))
        assert response is not None and response.status == 200, path
        visitor.check_policy_only()
    home = page.goto(visitor.url("/cms/pages/"))
    assert home is not None
    page.locator("a[href*='/edit/']").first.click()
    page.wait_for_url("**/edit/")
    visitor.check_policy_only()
