"""Helpers shared by the questions app's services."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ikone.accounts.models import User
from ikone.calls.models import Call, CallSection
from ikone.core.audit import Actor
from ikone.qa.exceptions import InvalidSectionsError
from ikone.qa.permissions import Viewer, viewer_for


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless the predicate allowed the action."""
    if not allowed:
        raise PermissionDenied


def acting(actor: Actor) -> tuple[User, Viewer]:
    """The signed-in acting person and their Viewer."""
    viewer = viewer_for(actor.user)
    if not viewer.signed_in or actor.user is None:
        raise PermissionDenied
    return actor.user, viewer


def current_sections_only(call: Call, sections: Iterable[CallSection]) -> list[CallSection]:
    """The sections, which must all belong to the call's current version."""
    chosen = list(sections)
    if any(section.version_id != call.current_version_id for section in chosen):
        raise InvalidSectionsError
    return chosen


def on_commit_enqueue(task: Any, *args: Any) -> None:
    """Enqueue a background task once the surrounding transaction has committed."""
    transaction.on_commit(lambda: task.enqueue(*args))
