"""Sign-up with e-mail verification, login, logout, password reset, rate limits."""

import re

import pytest
from django.core import mail

from ikone.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Ein-neues-Passwort-42"


def _link(message, pattern: str) -> str:
    match = re.search(rf"https?://[^/\s]+({pattern})", message.body)
    assert match, message.body
    return match.group(1)


def _sign_up(client, email: str = "neu@stadt.example"):
    return client.post(
        "/konto/signup/",
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_sign_up_sends_a_german_verification_mail(client):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert User.objects.filter(email="neu@stadt.example").exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@stadt.example"]
    assert message.subject.startswith("[IKONE] ")
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in message.subject
    assert "/konto/confirm-email/" in message.body
    assert User.objects.get(email="neu@stadt.example").language == "de"


def test_who_signs_up_in_english_gets_mail_in_english(client):
    response = client.post(
        "/en/konto/signup/",
        {"email": "new@town.example", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert User.objects.get(email="new@town.example").language == "en"


def test_an_unverified_person_cannot_log_in(client):
    _sign_up(client)
    client.logout()

    response = client.post(
        "/konto/login/", {"login": "neu@stadt.example", "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert client.get("/konto/profil/").status_code == 302


def test_after_confirming_the_address_login_works(client):
    _sign_up(client)
    confirm_url = _link(mail.outbox[0], r"/konto/confirm-email/[^/\s]+/")
    client.logout()

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Bitte bestätigen Sie" in page.content.decode()
    assert client.post(confirm_url).status_code == 302
    client.logout()

    response = client.post(
        "/konto/login/", {"login": "neu@stadt.example", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/profil/"
    assert client.get("/konto/profil/").status_code == 200


def test_login_and_logout(client):
    UserFactory(email="team@stadt.example")

    response = client.post("/konto/login/", {"login": "team@stadt.example", "password": PASSWORD})
    assert response["Location"] == "/konto/profil/"

    response = client.post("/konto/logout/")
    assert response.status_code == 302
    assert client.get("/konto/profil/").status_code == 302


def test_a_wrong_password_is_refused_in_german(client):
    UserFactory(email="team@stadt.example")

    response = client.post("/konto/login/", {"login": "team@stadt.example", "password": "falsch"})

    assert response.status_code == 200
    assert "E-Mail-Adresse und/oder das Passwort sind leider falsch" in response.content.decode()


def test_password_reset_by_mail(client):
    UserFactory(email="team@stadt.example")

    response = client.post("/konto/password/reset/", {"email": "team@stadt.example"})
    assert response.status_code == 302
    reset_url = _link(mail.outbox[0], r"/konto/password/reset/key/[^\s]+/")

    form_url = client.get(reset_url)["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert User.objects.get(email="team@stadt.example").check_password(NEW_PASSWORD)


def _hammer(client, url: str, data: dict, times: int):
    response = None
    for _ in range(times):
        response = client.post(url, data)
        if response.status_code == 429:
            break
    return response


@pytest.mark.parametrize(
    ("url", "data", "times"),
    [
        ("/konto/login/", {"login": "x@stadt.example", "password": "falsch"}, 31),
        ("/konto/signup/", {"email": "x@stadt.example", "password1": "a", "password2": "b"}, 21),
        ("/konto/password/reset/", {"email": "x@stadt.example"}, 21),
    ],
    ids=["login", "signup", "password-reset"],
)
def test_rate_limited_forms_answer_429_in_german(client, url, data, times):
    response = _hammer(client, url, data, times)

    assert response.status_code == 429
    body = response.content.decode()
    assert '<html lang="de"' in body
    assert "Zu viele Anfragen" in body
    assert "ikone-main" in body  # our layout, not allauth's bare fallback


def test_repeated_failed_logins_for_one_address_are_stopped(client):
    UserFactory(email="team@stadt.example")
    for _ in range(5):
        client.post("/konto/login/", {"login": "team@stadt.example", "password": "falsch"})

    response = client.post("/konto/login/", {"login": "team@stadt.example", "password": PASSWORD})

    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    assert client.get("/konto/profil/").status_code == 302


def test_sign_up_takes_an_optional_name(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "mit.name@stadt.example",
            "name": "Erika Mustermann",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="mit.name@stadt.example").name == "Erika Mustermann"
    assert 'autocomplete="name"' in client.get("/konto/signup/").content.decode()
