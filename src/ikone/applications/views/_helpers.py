"""Small helpers shared by the workshop's views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString

from ikone.applications import permissions, selectors, workflow
from ikone.applications.models import Draft
from ikone.core.pagecache import memo

CONTENT_MEMO_PREFIX = "applications-content"


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


def content_html(
    request: HttpRequest,
    template: str,
    context: Callable[[str | None], dict[str, Any]],
    memo_parts: tuple[object, ...] | None,
) -> SafeString:
    """The `content` partial of a draft page's `template` (the page below
    the layout), rendered from `context(token)`: `token` is None when the
    content is rendered for this request alone, else the memo is being
    computed and `token` stands in for the CSRF token of forms built in
    Python. A memo notes only the tables read inside it, so `context` then
    reads the draft (and section) again instead of using the request's
    copy: a renamed draft or organisation outdates the memo.

    With `memo_parts` it is a memo (ADR 0006) with the CSRF token put in per
    request: the parts must name the draft and everything else about the
    viewer that changes the output (their flags, for a mentor's own
    assessment their id, the Berlin day for a schedule); the tables it was
    read from, the language and the script prefix invalidate or key it on
    their own. `context` is called only when the memo is computed, so a
    reused one costs neither its queries nor its forms. Without
    `memo_parts` (a bound form with errors, a conflict) it is rendered
    anew, as typed."""
    parts = None if memo_parts is None else (template, *memo_parts)
    return memo.content(request, template, context, CONTENT_MEMO_PREFIX, parts)


def fresh_draft(request: HttpRequest, draft: Draft, token: str | None) -> Draft:
    """The request's draft, or, while a memo of its page's content is
    computed (`token` given, see `content_html`), the draft read again."""
    if token is None:
        return draft
    return selectors.draft_get_for_view(user=request.user, pk=draft.pk)
