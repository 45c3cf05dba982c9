"""Small helpers shared by the workshop's views."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from ikone.applications import permissions, workflow
from ikone.applications.models import Draft


@dataclass(frozen=True)
class DraftFlags:
    """What the viewer may do with the draft, computed once for the templates."""

    edit: bool
    manage: bool
    comment: bool
    resolve: bool
    review: bool
    member: bool
    mentor: bool
    rename: bool
    delete: bool
    reopen: bool


def draft_flags(request: HttpRequest, draft: Draft) -> DraftFlags:
    user = request.user
    access = permissions.access_for(user, draft)
    return DraftFlags(
        edit=permissions.can_edit_draft(user, draft),
        manage=permissions.can_manage_draft(user, draft),
        comment=permissions.can_comment_draft(user, draft),
        resolve=permissions.can_resolve_comment(user, draft),
        review=permissions.can_review_draft(user, draft),
        member=access.member,
        mentor=access.mentor,
        rename=permissions.can_rename_draft(user, draft),
        delete=permissions.can_delete_draft(user, draft),
        reopen=permissions.can_reopen_draft(user, draft)
        and draft.status in workflow.REOPEN_SUBMITTED,
    )
