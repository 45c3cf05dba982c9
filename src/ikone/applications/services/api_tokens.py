"""A person's API token (Django REST framework's authtoken, one per person)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from rest_framework.authtoken.models import Token

from ikone.accounts.permissions import is_signed_in
from ikone.core import audit

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser
    from ikone.core.audit import Actor


def api_token_get(*, user: AnyUser) -> Token | None:
    """The person's token, if any."""
    if not is_signed_in(user):
        return None
    return Token.objects.filter(user_id=user.pk).first()


@transaction.atomic
def api_token_replace(*, actor: Actor) -> Token:
    """Create a new token for the acting person; the old one stops working."""
    assert actor.user is not None  # noqa: S101 - views require a login
    Token.objects.filter(user_id=actor.user.pk).delete()
    token = Token.objects.create(user=actor.user)
    audit.record(actor, "applications.api_token.created", target=actor.user)
    return token


@transaction.atomic
def api_token_revoke(*, actor: Actor) -> None:
    """Delete the acting person's token."""
    assert actor.user is not None  # noqa: S101 - views require a login
    deleted, _rows = Token.objects.filter(user_id=actor.user.pk).delete()
    if deleted:
        audit.record(actor, "applications.api_token.revoked", target=actor.user)
