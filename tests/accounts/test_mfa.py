"""Two-factor authentication: mandatory for coordinators and operators, optional for others."""

from unittest import mock

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from tests.accounts.factories import PASSWORD, AdminFactory, CoordinatorFactory, UserFactory
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

NOW = 1_790_000_000  # a fixed clock for TOTP codes
ACTIVATE = "/konto/2fa/totp/activate/"


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, NOW // 30))


@pytest.fixture
def fixed_clock():
    with mock.patch("allauth.mfa.totp.internal.auth.time.time", return_value=NOW):
        yield


@pytest.mark.parametrize(
    "factory", [CoordinatorFactory, AdminFactory], ids=["coordinator", "admin"]
)
@pytest.mark.parametrize(
    "url",
    ["/konto/profil/", "/organisationen/", "/cms/", "/admin/", "/organisationen/neu/"],
)
def test_without_totp_staff_roles_are_sent_to_the_activation_page(client, factory, url):
    client.force_login(factory())

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


def test_the_redirect_explains_why_in_german(client):
    client.force_login(CoordinatorFactory())

    response = client.get("/konto/profil/", follow=True)

    body = response.content.decode()
    assert "brauchen Sie eine Zwei-Faktor-Authentisierung" in body


@pytest.mark.parametrize(
    "url",
    [
        "/konto/2fa/",
        "/konto/reauthenticate/",
        "/konto/logout/",
        "/healthz",
        "/static/ikone/ikone.css",
    ],
)
def test_setting_up_mfa_and_leaving_stay_reachable(client, url):
    client.force_login(CoordinatorFactory())

    response = client.get(url)

    assert response.status_code == 200


def test_htmx_requests_are_redirected_with_a_header(client):
    client.force_login(CoordinatorFactory())

    response = client.get("/organisationen/", HTTP_HX_REQUEST="true")

    assert response.status_code == 204
    assert response["HX-Redirect"] == ACTIVATE


def test_fragments_of_the_setup_pages_do_not_tear_them_away(client):
    """The notification badge polls on every page, the activation page too:
    a redirect there would navigate away in the middle of the setup."""
    client.force_login(CoordinatorFactory())

    response = client.get(
        "/konto/benachrichtigungen/anzahl/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/konto/reauthenticate/?next=%2Fkonto%2F2fa%2F",
    )

    assert response.status_code == 204
    assert "HX-Redirect" not in response


def test_a_coordinator_sets_up_totp_and_then_reaches_cms_and_membership_page(
    client, fixed_clock, organization, primary_network
):
    coordinator = CoordinatorFactory()
    client.post("/konto/login/", {"login": coordinator.email, "password": PASSWORD})
    assert client.get("/cms/")["Location"] == ACTIVATE
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    client.get(ACTIVATE)
    secret = client.session["mfa.totp.secret"]

    response = client.post(ACTIVATE, {"code": _code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()
    assert client.get("/cms/").status_code == 200
    assert client.get(f"/organisationen/{organization.slug}/mitgliedschaft/").status_code == 200


def test_with_totp_the_login_asks_for_the_code(client, fixed_clock):
    coordinator = CoordinatorFactory()
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)

    response = client.post("/konto/login/", {"login": coordinator.email, "password": PASSWORD})
    assert response["Location"] == "/konto/2fa/authenticate/"
    assert client.get("/cms/").status_code == 302  # not signed in before the code

    response = client.post("/konto/2fa/authenticate/", {"code": _code(secret)})

    assert response.status_code == 302
    assert client.get("/cms/").status_code == 200


def test_a_wrong_code_is_refused(client, fixed_clock):
    coordinator = CoordinatorFactory()
    TOTP.activate(coordinator, generate_totp_secret())
    client.post("/konto/login/", {"login": coordinator.email, "password": PASSWORD})

    response = client.post("/konto/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert "Falscher Code." in response.content.decode()


def test_totp_is_optional_for_staff(client, organization):
    staff = UserFactory()
    client.force_login(staff)

    assert client.get("/konto/profil/").status_code == 200
    assert client.get(f"/organisationen/{organization.slug}/").status_code == 200


def test_staff_may_set_up_totp_anyway(client, fixed_clock):
    staff = UserFactory()
    client.post("/konto/login/", {"login": staff.email, "password": PASSWORD})
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    client.get(ACTIVATE)
    secret = client.session["mfa.totp.secret"]

    client.post(ACTIVATE, {"code": _code(secret)})

    assert Authenticator.objects.filter(user=staff, type="totp").exists()


def test_the_core_sign_in_helper_satisfies_the_requirement(client):
    coordinator = CoordinatorFactory()
    sign_in(client, coordinator)

    assert client.get("/konto/profil/").status_code == 200


def test_without_totp_staff_roles_still_read_the_public_json_api(client):
    """It answers everyone alike (what a visitor sees) and comes from the
    shared page cache without asking who signed in (ADR 0006)."""
    client.force_login(CoordinatorFactory())

    response = client.get("/api/v1/events/", headers={"Accept": "application/json"})

    assert response.status_code == 200
    assert client.get("/api/v1/applications/").status_code == 302
