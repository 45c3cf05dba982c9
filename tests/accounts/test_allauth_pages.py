"""Every allauth page renders in our layout, with KERN markup, in formal German."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Sign In",
    "Sign Up",
    "Sign Out",
    "Password",
    "Email",
    "Forgot",
    "Remember Me",
    "Two-Factor",
    "Authenticator App",
    "Activate",
    "Recovery Codes",
    "Verify",
    "Cancel",
)
INFORMAL = re.compile(r"\b(du|dein|deine|deinen|dich|dir)\b", re.IGNORECASE)


def _main(response) -> str:
    body = response.content.decode()
    assert '<html lang="de"' in body
    assert 'class="ikone-header"' in body  # our base.html
    return body[body.index("<main") : body.index("</main>")]


def _assert_german_kern_page(response) -> None:
    assert response.status_code == 200
    main = _main(response)
    assert 'class="kern-heading-large"' in main
    for word in ENGLISH:
        assert word not in main, word
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", main)), main


@pytest.mark.parametrize(
    "url",
    [
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/konto/password/reset/done/",
        "/konto/confirm-email/",
        "/konto/password/reset/key/1-ungueltig/",
        "/konto/inactive/",
    ],
)
def test_entrance_pages(client, url):
    _assert_german_kern_page(client.get(url))


@pytest.mark.parametrize(
    "url",
    [
        "/konto/logout/",
        "/konto/email/",
        "/konto/password/change/",
        "/konto/2fa/",
        "/konto/reauthenticate/",
    ],
)
def test_pages_for_signed_in_people(client, url):
    client.force_login(UserFactory())
    response = client.get(url)
    _assert_german_kern_page(response)


def _reauthenticated(client):
    user = UserFactory()
    client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    return user


def test_totp_activation_page(client):
    _reauthenticated(client)

    response = client.get("/konto/2fa/totp/activate/")

    _assert_german_kern_page(response)
    main = _main(response)
    assert 'class="ikone-qr"' in main
    assert 'id="authenticator_secret"' in main


def test_pages_with_totp(client):
    user = _reauthenticated(client)
    TOTP.activate(user, generate_totp_secret())

    for url in ("/konto/2fa/totp/deactivate/", "/konto/2fa/recovery-codes/generate/"):
        _assert_german_kern_page(client.get(url))


def test_second_factor_page_during_login(client):
    user = UserFactory()
    TOTP.activate(user, generate_totp_secret())

    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/konto/2fa/authenticate/"

    _assert_german_kern_page(client.get("/konto/2fa/authenticate/"))


def test_allauth_forms_use_our_field_components(client):
    main = _main(client.get("/konto/login/"))

    assert '<form class="ikone-form"' in main
    assert '<label class="kern-label" for="id_login">E-Mail-Adresse</label>' in main
    assert 'class="kern-form-input__input"' in main
    assert 'class="kern-btn kern-btn--primary"' in main
    assert "Anmelden" in main


def test_manage_pages_show_the_account_navigation(client):
    client.force_login(UserFactory())

    main = _main(client.get("/konto/email/"))

    assert 'class="ikone-account-nav"' in main
    assert 'href="/konto/email/" aria-current="page"' in main
