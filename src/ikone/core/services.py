"""What every app's services share: checking the acting person and
enqueueing background work once the transaction has committed.

Services take an `Actor` (re-exported here from `core.audit`), check the
permission predicate again with `require(...)` (views already did) and
raise `PermissionDenied`, which the view turns into a 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.core import logs
from ikone.core.audit import Actor

__all__ = ["Actor", "on_commit_enqueue", "require", "require_user"]


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless the predicate allowed the action."""
    if not allowed:
        raise PermissionDenied


def require_user(actor: Actor) -> Any:
    """The acting person, who must be signed in and active; raises
    PermissionDenied for anonymous, system and deactivated actors.

    Returns an instance of settings.AUTH_USER_MODEL; core may not import the
    accounts app, so callers that need its attributes annotate the result."""
    user = actor.user
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    return user


def on_commit_enqueue(task: Any, *args: Any) -> None:
    """Enqueue a background task (Django Tasks API) once the surrounding
    transaction has committed, so nothing rolled back is ever announced.
    Outside a transaction the task is enqueued at once."""
    transaction.on_commit(lambda: logs.enqueue(task, *args))
