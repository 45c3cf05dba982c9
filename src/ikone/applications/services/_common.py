"""Helpers shared by the application workshop's services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.accounts.models import User
from ikone.accounts.permissions import is_signed_in
from ikone.core.audit import Actor


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless the predicate allowed the action."""
    if not allowed:
        raise PermissionDenied


def require_user(actor: Actor) -> User:
    """The acting person, who must be signed in and active."""
    user = actor.user
    if not is_signed_in(user):
        raise PermissionDenied
    return user


def on_commit_enqueue(task: Any, *args: Any) -> None:
    """Enqueue a background task once the surrounding transaction has committed."""
    transaction.on_commit(lambda: task.enqueue(*args))
