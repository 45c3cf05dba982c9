"""Who may do what with drafts.

A draft is private to its organisation's people, to the mentors the
organisation shared it with, and to the network's coordinators (and
operators) only while it is shared with the network. Predicates take the
person and the draft; `access_for` looks the relation up once and caches it
on the draft instance (which lives for one request).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts.permissions import is_network_coordinator, is_signed_in, role_in
from ikone.accounts.visibility import WorkAccess, work_access
from ikone.applications import workflow
from ikone.applications.models import Draft, DraftMentor

if TYPE_CHECKING:
    from ikone.accounts.models import Organization
    from ikone.accounts.permissions import AnyUser


# A draft is an organisation's unshared work: the rule is accounts.visibility's.
DraftAccess = WorkAccess


def access_for(user: AnyUser | None, draft: Draft) -> DraftAccess:
    """The person's relation to the draft (at most two small queries, once
    per draft instance)."""
    if not is_signed_in(user):
        return DraftAccess()
    cache: dict[int, DraftAccess] = draft.__dict__.setdefault("_access_by_user", {})
    if user.pk not in cache:
        cache[user.pk] = work_access(
            user,
            role=role_in(user, draft.organization),
            chosen_as_mentor=lambda: DraftMentor.objects.filter(
                draft_id=draft.pk, mentor_id=user.pk
            ).exists(),
            shared_with_network=draft.shared_with_network,
        )
    return cache[user.pk]


def can_create_draft(user: AnyUser | None, organization: Organization) -> bool:
    """Staff and Ansprechpersonen of the organisation start drafts for it."""
    if not is_signed_in(user):
        return False
    return role_in(user, organization) is not None


def can_view_draft(user: AnyUser | None, draft: Draft) -> bool:
    """The organisation, mentors it shared with, coordinators if shared with the network."""
    return access_for(user, draft).any


def can_edit_draft(user: AnyUser | None, draft: Draft) -> bool:
    """The organisation's people write while the draft is not submitted."""
    if not access_for(user, draft).member:
        return False
    return draft.status in workflow.EDITABLE


def can_manage_draft(user: AnyUser | None, draft: Draft) -> bool:
    """The organisation's people share the draft, move its status, record
    its outcome and keep its documents."""
    return access_for(user, draft).member


def can_rename_draft(user: AnyUser | None, draft: Draft) -> bool:
    """The organisation's people rename a draft in any status."""
    return access_for(user, draft).member


def can_delete_draft(user: AnyUser | None, draft: Draft) -> bool:
    """An Ansprechperson of the organisation moves a draft to the trash
    (and takes it out again within `TRASH_DAYS`)."""
    return access_for(user, draft).contact


def can_reopen_draft(user: AnyUser | None, draft: Draft) -> bool:
    """An Ansprechperson, or a coordinator the draft is shared with, takes a
    submitted draft back into editing (the service checks the status)."""
    access = access_for(user, draft)
    return access.contact or access.coordinator


def can_comment_draft(user: AnyUser | None, draft: Draft) -> bool:
    """Everyone who may see the draft discusses it."""
    return access_for(user, draft).any


def can_resolve_comment(user: AnyUser | None, draft: Draft) -> bool:
    """The organisation and the mentors resolve threads."""
    access = access_for(user, draft)
    return access.member or access.mentor


def can_review_draft(user: AnyUser | None, draft: Draft) -> bool:
    """A mentor the draft is shared with assesses criteria and recommends."""
    return access_for(user, draft).mentor


def can_view_figures(user: AnyUser | None) -> bool:
    """The coordinators' evaluation of outcomes and lessons."""
    return is_network_coordinator(user)
