"""allauth's own mails (address confirmation, password reset) go through
the platform's mail path: each carries an idempotency key recorded in the
mail ledger before sending, and the same mail is sent at most once
(docs/operations.md, "E-Mails höchstens einmal")."""

from __future__ import annotations

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.core import mail as outbox
from django.test import RequestFactory

from ikone.core import mail
from ikone.core.models import OutgoingMail
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Ein-neues-Passwort-42"


def the_key(message) -> str:
    key = message.extra_headers[mail.IDEMPOTENCY_HEADER]
    assert message.message()["Message-ID"] == f"<{key}@ikone.invalid>"
    assert "@" not in key  # a hash, not the address
    return key


def test_the_confirmation_mail_of_a_sign_up_is_recorded_with_its_key(client):
    response = client.post(
        "/konto/signup/",
        {"email": "neu@stadt.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    [message] = outbox.outbox
    record = OutgoingMail.objects.get(key=the_key(message))
    assert record.kind == "allauth.email_confirmation_signup"
    assert record.state == OutgoingMail.State.SENT and record.sent_at is not None


def test_the_password_reset_mail_is_recorded_with_its_key(client):
    UserFactory(email="vergessen@stadt.example")
    response = client.post("/konto/password/reset/", {"email": "vergessen@stadt.example"})
    assert response.status_code == 302
    [message] = outbox.outbox
    assert "/konto/password/reset/key/" in message.body
    record = OutgoingMail.objects.get(key=the_key(message))
    assert record.kind == "allauth.password_reset_key"


def send_reset(url: str) -> None:
    """allauth's adapter as its password reset form calls it."""
    request = RequestFactory().get("/konto/password/reset/")
    user = UserFactory.build(email="vergessen@stadt.example")
    with allauth_context.request_context(request):
        get_adapter(request).send_mail(
            "account/email/password_reset_key",
            "vergessen@stadt.example",
            {"user": user, "password_reset_url": url, "request": request},
        )


def test_the_same_allauth_mail_handed_over_twice_is_sent_once():
    send_reset("https://ikone.example/konto/password/reset/key/1-abc/")
    send_reset("https://ikone.example/konto/password/reset/key/1-abc/")
    assert len(outbox.outbox) == 1
    assert OutgoingMail.objects.count() == 1

    # A new token (the person asked again) is a new mail.
    send_reset("https://ikone.example/konto/password/reset/key/1-xyz/")
    assert len(outbox.outbox) == 2
    assert len({the_key(message) for message in outbox.outbox}) == 2


def test_a_mail_the_server_refused_is_sent_by_the_next_attempt(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(ConnectionRefusedError):
        send_reset("https://ikone.example/konto/password/reset/key/1-abc/")
    assert not OutgoingMail.objects.exists()
    monkeypatch.undo()
    send_reset("https://ikone.example/konto/password/reset/key/1-abc/")
    assert len(outbox.outbox) == 1
