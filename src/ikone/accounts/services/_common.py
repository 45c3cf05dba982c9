"""Helpers shared by the service modules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.accounts import permissions
from ikone.accounts.models import User
from ikone.core.audit import Actor
from ikone.core.datetimes import iso

INVITATION_VALIDITY = timedelta(days=14)
# Path segments under /organisationen/ that are views, not organisations.
RESERVED_SLUGS = frozenset({"neu"})
COORDINATOR_GROUP = "Netzwerkkoordination"
COORDINATOR_PERMISSIONS = ("wagtailadmin.access_admin",)


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless the predicate allowed the action."""
    if not allowed:
        raise PermissionDenied


def require_user(actor: Actor) -> User:
    """The acting person, who must be signed in and active."""
    user = actor.user
    if not permissions.is_signed_in(user):
        raise PermissionDenied
    return user


def on_commit_enqueue(task: Any, *args: Any) -> None:
    """Enqueue a background task once the surrounding transaction has committed."""
    transaction.on_commit(lambda: task.enqueue(*args))


def iso_date(value: date | None) -> str | None:
    """A date as ISO text for audit data, or None."""
    return iso(value)
