"""Proposing, editing and reviewing solution profiles.

Every write checks the predicate again, keeps the history (`ReviewEntry`)
and leaves an audit entry `solutions.solution.<past-verb>`. Editing is
optimistic: a save names the version it started from and is refused with
EditConflict when someone saved in between, so nobody overwrites a
colleague's text unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ikone.accounts.models import Organization
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.core.services import require, require_user
from ikone.solutions import notifications, permissions, workflow
from ikone.solutions.exceptions import EditConflict, SolutionError
from ikone.solutions.models import ReviewEntry, ReviewState, Solution
from ikone.solutions.text import clean_rich_text, search_text

RESERVED_SLUGS = frozenset({"neu", "empfehlungen", "pruefung", "export"})
RICH_FIELDS = ("description", "lessons_learned")


@dataclass
class ProfileData:
    """The editable fields of a profile, as a form cleaned them."""

    title: str
    summary: str
    organizations: list[Organization]
    fields_of_action: list[FieldOfAction] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def unique_solution_slug(title: str) -> str:
    base = slugify(title)[:190] or "loesung"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Solution.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _clean_values(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(values)
    for name in RICH_FIELDS:
        if name in cleaned:
            cleaned[name] = clean_rich_text(cleaned[name] or "")
    if isinstance(cleaned.get("costs_eur"), int):
        cleaned["costs_eur"] = Decimal(cleaned["costs_eur"])
    return cleaned


def refresh_search_text(solution: Solution) -> None:
    """Recompute the folded text the catalogue search matches."""
    text = search_text(
        title=solution.title,
        summary=solution.summary,
        description=solution.description,
        names=[organization.name for organization in solution.organizations.all()],
    )
    Solution.objects.filter(pk=solution.pk).update(search_text=text)
    solution.search_text = text


@transaction.atomic
def solution_create(*, data: ProfileData, actor: Actor, is_example: bool = False) -> Solution:
    """A new profile in state Entwurf for organisations the person belongs to
    (coordinators: any). Raises PermissionDenied otherwise."""
    user = require_user(actor)
    require(permissions.can_propose_solution(user) or permissions.is_network_coordinator(user))
    own = permissions.organization_ids_of(user)
    if not permissions.is_network_coordinator(user):
        require(all(organization.pk in own for organization in data.organizations))
    if not data.organizations:
        raise SolutionError(_("Bitte wählen Sie mindestens eine Organisation."))
    solution = Solution(
        title=data.title.strip(),
        summary=data.summary.strip(),
        slug=unique_solution_slug(data.title),
        proposed_by=user,
        is_example=is_example,
        **_clean_values(data.values),
    )
    solution.full_clean(exclude=["search_text"])
    solution.save()
    solution.organizations.set(data.organizations)
    solution.fields_of_action.set(data.fields_of_action)
    refresh_search_text(solution)
    ReviewEntry.objects.create(
        solution=solution,
        action="create",
        from_state=ReviewState.DRAFT,
        to_state=ReviewState.DRAFT,
        author=user,
    )
    audit.record(actor, "solutions.solution.created", target=solution)
    return solution


@transaction.atomic
def solution_update(
    *, solution: Solution, data: ProfileData, based_on: int, actor: Actor
) -> Solution:
    """Save the profile unless someone saved since version `based_on`
    (raises EditConflict; nothing is written then)."""
    require(permissions.can_edit_solution(actor.user, solution))
    if not data.organizations:
        raise SolutionError(_("Bitte wählen Sie mindestens eine Organisation."))
    values = {"title": data.title.strip(), "summary": data.summary.strip()}
    values.update(_clean_values(data.values))
    candidate = Solution(pk=solution.pk, slug=solution.slug, **values)
    candidate.full_clean(exclude=["search_text", "slug"], validate_unique=False)
    changed = Solution.objects.filter(pk=solution.pk, version=based_on).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if not changed:
        raise EditConflict(
            _(
                "Jemand hat den Steckbrief gespeichert, während Sie ihn bearbeitet haben. "
                "Ihre Eingaben stehen unten; bitte übernehmen Sie sie in die aktuelle Fassung."
            )
        )
    solution.refresh_from_db()
    solution.organizations.set(data.organizations)
    solution.fields_of_action.set(data.fields_of_action)
    refresh_search_text(solution)
    audit.record(
        actor, "solutions.solution.updated", target=solution, data={"fields": sorted(values)}
    )
    return solution


def _may(actor: Actor, solution: Solution, who: str, action: str) -> bool:
    if who == workflow.COORDINATOR:
        return permissions.can_review_solution(actor.user, solution)
    return permissions.can_submit_solution(actor.user, solution)


@transaction.atomic
def solution_transition(
    *, solution: Solution, action: str, comment: str = "", actor: Actor
) -> Solution:
    """Move the profile through the review (workflow.TRANSITIONS) under a row
    lock, record the step with its comment, audit it and tell the other side.
    Raises SolutionError for a move the state does not allow or a missing
    comment, PermissionDenied for a person who may not make it."""
    user = require_user(actor)
    locked = Solution.objects.select_for_update().get(pk=solution.pk)
    move = workflow.next_state(locked.review_state, action)
    if move is None:
        raise SolutionError(_("Dieser Schritt ist im aktuellen Status nicht möglich."))
    new_state, who = move
    require(_may(actor, locked, who, action))
    comment = comment.strip()
    if action in workflow.COMMENT_REQUIRED and not comment:
        raise SolutionError(_("Bitte schreiben Sie dazu, was geändert werden soll."))
    old_state = locked.review_state
    locked.review_state = new_state
    fields = ["review_state", "updated_at"]
    if new_state == ReviewState.PUBLISHED:
        locked.published_at = timezone.now()
        fields.append("published_at")
    locked.save(update_fields=fields)
    ReviewEntry.objects.create(
        solution=locked,
        action=action,
        from_state=old_state,
        to_state=new_state,
        comment=comment,
        author=user,
    )
    audit.record(
        actor,
        f"solutions.solution.{_PAST[action]}",
        target=locked,
        data={"from": old_state, "to": new_state},
    )
    if who == workflow.PROPOSER:
        mail.notify(notifications.SUBMITTED, locked.pk)
    else:
        mail.notify(notifications.DECIDED, locked.pk)
    return locked


_PAST = {
    workflow.SUBMIT: "submitted",
    workflow.PUBLISH: "published",
    workflow.RETURN: "returned",
    workflow.WITHDRAW: "withdrawn",
}


@transaction.atomic
def solution_comment(*, solution: Solution, text: str, actor: Actor) -> ReviewEntry:
    """A comment in the review conversation (proposing side and coordinators)."""
    user = require_user(actor)
    require(permissions.can_comment_solution(user, solution))
    text = text.strip()
    if not text:
        raise SolutionError(_("Bitte schreiben Sie einen Kommentar."))
    state = Solution.objects.filter(pk=solution.pk).values_list("review_state", flat=True).get()
    entry = ReviewEntry.objects.create(
        solution=solution,
        action="comment",
        from_state=state,
        to_state=state,
        comment=text,
        author=user,
    )
    audit.record(actor, "solutions.solution.commented", target=solution)
    return entry
