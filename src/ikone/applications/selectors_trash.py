"""Reads of the trash: drafts an Ansprechperson deleted in the last
`TRASH_DAYS` days. `Draft.objects` never returns them; only these
selectors (through `Draft.all_objects`) do, and only to the organisation's
people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from ikone.accounts.models import Membership, Role
from ikone.accounts.permissions import is_signed_in
from ikone.applications import permissions
from ikone.applications.models import Draft

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


def draft_trash_for(*, user: AnyUser) -> QuerySet[Draft]:
    """The deleted drafts of the person's organisations, most recently
    deleted first, with `can_restore` (the person is an Ansprechperson of
    the draft's organisation) annotated. One query."""
    if not is_signed_in(user):
        return Draft.all_objects.none()
    memberships = Membership.objects.filter(
        user_id=user.pk, organization_id=OuterRef("organization_id")
    )
    return (
        Draft.all_objects.filter(Exists(memberships), deleted_at__isnull=False)
        .annotate(can_restore=Exists(memberships.filter(role=Role.CONTACT)))
        .select_related("organization", "call", "deleted_by")
        .order_by("-deleted_at", "-pk")
    )


def draft_get_from_trash(*, user: AnyUser, pk: int) -> Draft:
    """A deleted draft the person may restore: Http404 unless it is in the
    trash of one of their organisations, PermissionDenied unless they are
    its Ansprechperson."""
    draft = (
        Draft.all_objects.select_related("organization", "call")
        .filter(pk=pk, deleted_at__isnull=False)
        .first()
    )
    if draft is None or not permissions.access_for(user, draft).member:
        raise Http404
    if not permissions.can_delete_draft(user, draft):
        raise PermissionDenied
    return draft
