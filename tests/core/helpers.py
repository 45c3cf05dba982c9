"""Small helpers shared by the core tests, the access matrix and the e2e tests."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model

PASSWORD = "Ein-sicheres-Passwort-1"


def make_user(email: str, *, password: str = PASSWORD, **fields: Any):
    """A person with a verified e-mail address (allauth's EmailAddress),
    so that logins through the allauth forms work too."""
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def give_totp(user) -> str:
    """Set up TOTP for `user` and return the secret (base32)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in(client, user) -> None:
    """Log `user` in on a test client. People who need a second factor get
    TOTP set up first and the session marks the login as done with it, as
    allauth does after the code was entered."""
    if getattr(user, "requires_mfa", False):
        from allauth.mfa.models import Authenticator

        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            give_totp(user)
    client.force_login(user)
    if getattr(user, "requires_mfa", False):
        now = time.time()
        session = client.session
        session["account_authentication_methods"] = [
            {"method": "password", "at": now, "email": user.email},
            {"method": "mfa", "at": now, "type": "totp"},
        ]
        session.save()


def get_counted(client, url: str, data: Any = None) -> tuple[int, str]:
    """GET `url` (200 expected): the number of queries it ran and its HTML,
    for tests that a memo spares the second visit its reads."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries), response.content.decode()
