"""Writes to a draft's schedule: milestones, with optimistic locking.

Permission: whoever may edit the draft.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ikone.applications import permissions
from ikone.applications.models import Draft, Milestone
from ikone.applications.services.financing import changed_fields, stale_edit
from ikone.core import audit

if TYPE_CHECKING:
    from ikone.core.audit import Actor


def _check_edit(actor: Actor, draft: Draft) -> None:
    if not permissions.can_edit_draft(actor.user, draft):
        raise PermissionDenied


@transaction.atomic
def milestone_create(
    *,
    draft: Draft,
    actor: Actor,
    title: str,
    kind: str,
    date: date,
    done: bool = False,
    note: str = "",
) -> Milestone:
    """Add a milestone. Raises PermissionDenied, ValidationError."""
    _check_edit(actor, draft)
    milestone = Milestone(
        draft=draft, title=title, kind=kind, date=date, done=done, note=note, updated_by=actor.user
    )
    milestone.full_clean()
    milestone.save()
    audit.record(actor, "applications.milestone.created", target=draft, data=_data(milestone))
    return milestone


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    based_on: int,
    actor: Actor,
    title: str,
    kind: str,
    date: date,
    done: bool,
    note: str = "",
) -> Milestone:
    """Change a milestone unless a colleague changed it since `based_on`
    (StaleEditError, nothing written)."""
    _check_edit(actor, milestone.draft)
    candidate = Milestone(
        pk=milestone.pk, draft=milestone.draft, title=title, kind=kind, date=date, note=note
    )
    candidate.full_clean(exclude=["version"], validate_unique=False)
    candidate.done = done
    fields = changed_fields(milestone, candidate, EDITABLE_MILESTONE_FIELDS)
    changed = Milestone.objects.filter(pk=milestone.pk, version=based_on).update(
        title=title,
        kind=kind,
        date=date,
        done=done,
        note=note,
        version=F("version") + 1,
        updated_by=actor.user,
        updated_at=timezone.now(),
    )
    if not changed:
        raise stale_edit()
    milestone.refresh_from_db()
    audit.record(
        actor,
        "applications.milestone.updated",
        target=milestone.draft,
        data=_data(milestone, fields),
    )
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, based_on: int, actor: Actor) -> None:
    """Delete a milestone unless it changed since `based_on` (StaleEditError)."""
    _check_edit(actor, milestone.draft)
    deleted, _rows = Milestone.objects.filter(pk=milestone.pk, version=based_on).delete()
    if not deleted:
        raise stale_edit()
    audit.record(
        actor, "applications.milestone.deleted", target=milestone.draft, data=_data(milestone)
    )


EDITABLE_MILESTONE_FIELDS = ("title", "kind", "date", "done", "note")


def _data(milestone: Milestone, fields: list[str] | None = None) -> dict[str, object]:
    # Ids and field names only: what the organisation wrote stays out of the log.
    data: dict[str, object] = {"milestone": milestone.pk}
    if fields is not None:
        data["fields"] = fields
    return data
