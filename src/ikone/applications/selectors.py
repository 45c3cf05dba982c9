"""Reads of drafts, their sections, criteria, documents and review.

Selectors never write. `draft_get_for_*` fetch and check in one step:
Http404 where the person may not see the draft, PermissionDenied where they
see it but may not act.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from ikone.accounts.models import Organization, User
from ikone.accounts.permissions import is_signed_in, remember_role, role_subquery
from ikone.accounts.visibility import work_filter
from ikone.applications import permissions
from ikone.applications.models import (
    Draft,
    DraftMentor,
    DraftSection,
    DraftStatus,
    SectionComment,
    SectionRevision,
)
from ikone.calls.models import Call
from ikone.core.prepared import PreparedQuery

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

_Row = TypeVar("_Row", Draft, DraftSection)


# --- Drafts ------------------------------------------------------------------


def draft_list_for(*, user: AnyUser) -> QuerySet[Draft]:
    """The drafts the person may see: their organisations' drafts, drafts
    shared with them as mentor, and, for coordinators, drafts shared with
    the network. With `organization` and `call` loaded; newest first."""
    if not is_signed_in(user):
        return Draft.objects.none()
    visible = work_filter(
        user,
        organization_field="organization_id",
        chosen_as_mentor=Q(
            Exists(DraftMentor.objects.filter(mentor_id=user.pk, draft_id=OuterRef("pk")))
        ),
        network_flag="shared_with_network",
    )
    return (
        Draft.objects.filter(visible)
        .select_related("organization", "call")
        # The rows' columns: the call's descriptions made each row KBs wide.
        .only(
            *("title", "status", "is_example", "updated_at", "organization_id", "call_id"),
            *("organization__name", "call__title", "call__deadline"),
        )
        .order_by("-updated_at", "-pk")
    )


def draft_get_for_view(*, user: AnyUser, pk: int) -> Draft:
    """One draft with its organisation and call; Http404 unless the person may see it.

    The person's role in the organisation comes in the same query (every
    draft page asks for it), remembered where `role_in` looks first."""
    return _first_visible(user, _DRAFT_FOR_VIEW, draft_of=lambda d: d, pk=pk)


# Run on every draft page: built and compiled once per process (core.prepared).
_DRAFT_FOR_VIEW = PreparedQuery(
    lambda pk, user_id: (
        Draft.objects.select_related("organization", "call")
        .filter(pk=pk)
        .annotate(viewer_role=role_subquery(user_id, "organization_id"))
    ),
    pk=int,
    user_id=int,
)


def draft_get_for_action(
    *, user: AnyUser, pk: int, check: Callable[[AnyUser, Draft], bool]
) -> Draft:
    """The draft if `check(user, draft)` allows the action: Http404 when the
    person may not see it, PermissionDenied when they see it but may not act."""
    draft = draft_get_for_view(user=user, pk=pk)
    if not check(user, draft):
        raise PermissionDenied
    return draft


def organizations_for_new_draft(*, user: AnyUser) -> QuerySet[Organization]:
    """The organisations the person may start drafts for."""
    if not is_signed_in(user):
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user_id=user.pk).order_by("name")


def calls_for_new_draft() -> QuerySet[Call]:
    """Calls a draft may be written for (also past rounds, to record them)."""
    return Call.objects.order_by("-deadline", "title")


def drafts_to_copy_for(*, user: AnyUser) -> QuerySet[Draft]:
    """Earlier drafts of the person's organisations, as templates for a copy."""
    if not is_signed_in(user):
        return Draft.objects.none()
    return (
        Draft.objects.filter(organization__memberships__user_id=user.pk)
        .select_related("organization")
        .order_by("-updated_at")
    )


def mentor_choices() -> QuerySet[User]:
    """Everyone with the mentor role, to share drafts with."""
    return User.objects.filter(is_mentor=True, is_active=True).order_by("name", "email")


# --- Sections ------------------------------------------------------------------


def draft_sections(*, draft: Draft) -> list[DraftSection]:
    """The sections in order, each with `open_threads` (unresolved comment
    threads) and `updated_by` loaded."""
    sections: list[DraftSection] = list(_DRAFT_SECTIONS.all(draft_id=draft.pk))
    for section in sections:
        section.draft = draft
    return sections


_DRAFT_SECTIONS = PreparedQuery(
    lambda draft_id: (
        DraftSection.objects.filter(draft_id=draft_id)
        .select_related("updated_by")
        .annotate(
            open_threads=Count(
                "comments",
                filter=Q(comments__parent__isnull=True, comments__resolved_at__isnull=True),
            )
        )
        .order_by("position")
    ),
    draft_id=int,
)


def section_get(*, draft: Draft, key: str) -> DraftSection:
    """One section of the draft by key (Http404 if unknown)."""
    section = (
        DraftSection.objects.select_related("updated_by").filter(draft=draft, key=key).first()
    )
    if section is None:
        raise Http404
    section.draft = draft
    return section


def section_get_for_view(*, user: AnyUser, pk: int, key: str) -> DraftSection:
    """One section by draft and key with its draft (organisation, call and
    the person's role in the organisation loaded) in one query; Http404
    unless the section exists and the person may see its draft."""
    return _first_visible(
        user, _SECTION_FOR_VIEW, draft_of=lambda section: section.draft, pk=pk, key=key
    )


def section_get_for_history(*, user: AnyUser, pk: int, key: str) -> DraftSection:
    """As `section_get_for_view`, for the history page: without the texts,
    the call and the last author, which that page does not show (building
    them costs more than the page's rows)."""
    return _first_visible(
        user, _SECTION_FOR_HISTORY, draft_of=lambda section: section.draft, pk=pk, key=key
    )


# With the organisation's municipality for the solutions panel of the
# sections that cite solutions (its recommendations are for that place).
_SECTION_FOR_VIEW = PreparedQuery(
    lambda pk, key, user_id: (
        DraftSection.objects.select_related(
            "draft__organization__municipality", "draft__call", "updated_by"
        )
        .filter(draft_id=pk, key=key)
        .annotate(viewer_role=role_subquery(user_id, "draft__organization_id"))
    ),
    pk=int,
    key=str,
    user_id=int,
)
_SECTION_FOR_HISTORY = PreparedQuery(
    lambda pk, key, user_id: (
        DraftSection.objects.select_related("draft__organization")
        .defer("text", "guiding_questions", "updated_by", "draft__organization__description")
        .filter(draft_id=pk, key=key)
        .annotate(viewer_role=role_subquery(user_id, "draft__organization_id"))
    ),
    pk=int,
    key=str,
    user_id=int,
)


def _first_visible(
    user: AnyUser,
    query: PreparedQuery[_Row],
    *,
    draft_of: Callable[[_Row], Draft],
    **values: Any,
) -> _Row:
    """The first row of `query` (with `values` and the person's id as
    `user_id`), with the person's role in its draft's organisation read in
    the same query (`viewer_role`) and remembered for `role_in`; Http404
    unless the row exists and the person may see its draft. Nobody signed
    out sees a draft, so they get Http404 without a query."""
    if not is_signed_in(user):
        raise Http404
    row = query.first(user_id=user.pk, **values)
    if row is None:
        raise Http404
    draft = draft_of(row)
    remember_role(draft.organization, user.pk, row.viewer_role)  # type: ignore[attr-defined]
    if not permissions.can_view_draft(user, draft):
        raise Http404
    return row


def section_revision_get(*, section: DraftSection, version: int) -> SectionRevision:
    revision = section.revisions.select_related("author").filter(version=version).first()
    if revision is None:
        raise Http404
    return revision


def section_comment_threads(*, section: DraftSection) -> list[SectionComment]:
    """Opening comments of the section's threads with `replies` prefetched,
    open threads first."""
    threads: list[SectionComment] = list(_COMMENT_THREADS.all(section_id=section.pk))
    for thread in threads:
        thread.section = section
    return threads


_COMMENT_THREADS = PreparedQuery(
    lambda section_id: (
        SectionComment.objects.filter(section_id=section_id, parent__isnull=True)
        .select_related("author", "resolved_by")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=SectionComment.objects.select_related("author").order_by("created_at"),
            )
        )
        .order_by(F("resolved_at").asc(nulls_first=True), "created_at")
    ),
    section_id=int,
)


def comment_get_for_draft(*, draft: Draft, pk: int) -> SectionComment:
    comment = (
        SectionComment.objects.select_related("section")
        .filter(pk=pk, section__draft=draft)
        .first()
    )
    if comment is None:
        raise Http404
    return comment


# --- Review ------------------------------------------------------------------------


def draft_mentor_shares(*, draft: Draft) -> list[DraftMentor]:
    """The mentors the draft is shared with and their recommendations."""
    shares = _MENTOR_SHARES.all(draft_id=draft.pk)
    for share in shares:
        share.draft = draft
    return shares


_MENTOR_SHARES = PreparedQuery(
    lambda draft_id: DraftMentor.objects.filter(draft_id=draft_id).select_related(
        "mentor", "shared_by"
    ),
    draft_id=int,
)


def mentor_share_get(*, draft: Draft, user: AnyUser) -> DraftMentor:
    """The share of `draft` with the mentor `user` (Http404 if none)."""
    share = DraftMentor.objects.filter(draft=draft, mentor_id=user.pk).first()
    if share is None:
        raise Http404
    return share


def draft_people_emails(*, draft: Draft, exclude: Any = None) -> list[str]:
    """Everyone involved in a draft: the organisation's people, its mentors,
    and the coordinators if it is shared with the network; without `exclude`."""
    involved = Q(memberships__organization_id=draft.organization_id) | Q(
        mentored_drafts__draft_id=draft.pk
    )
    if draft.shared_with_network:
        involved |= Q(is_coordinator=True)
    people = User.objects.filter(involved, is_active=True).only("pk", "email").distinct()
    excluded = getattr(exclude, "pk", None)
    return sorted({person.email for person in people if person.pk != excluded})


def organization_member_emails(*, draft: Draft, exclude: Any = None) -> list[str]:
    excluded = getattr(exclude, "pk", None)
    people = User.objects.filter(
        memberships__organization_id=draft.organization_id, is_active=True
    )
    return sorted(person.email for person in people if person.pk != excluded)


# --- Coordinators' figures -------------------------------------------------------------


@dataclass
class CallFigures:
    call: Call
    counts: dict[str, int]
    total: int


def figures_by_call() -> list[CallFigures]:
    """Number of drafts per call and status, over all organisations (counts
    reveal no content). Two queries."""
    rows = Draft.objects.values("call_id", "status").annotate(count=Count("pk")).order_by()
    counts: dict[int, dict[str, int]] = {}
    for entry in rows:
        counts.setdefault(entry["call_id"], {})[entry["status"]] = entry["count"]
    calls = Call.objects.filter(pk__in=counts.keys()).order_by("-deadline", "title")
    return [
        CallFigures(
            call=call,
            counts={status: counts[call.pk].get(status, 0) for status in DraftStatus.values},
            total=sum(counts[call.pk].values()),
        )
        for call in calls
    ]


@dataclass
class Lesson:
    call_title: str
    status: str
    status_label: str
    text: str


ANONYMISED = "[…]"


def anonymise(text: str, names: list[str]) -> str:
    """`text` with every given name (organisation, municipality) replaced."""
    for name in sorted(filter(None, names), key=len, reverse=True):
        text = re.sub(re.escape(name), ANONYMISED, text, flags=re.IGNORECASE)
    return text


def lessons_learned() -> list[Lesson]:
    """The lessons organisations wrote down after submitting, for the
    network: without the organisation, its name blanked out of the text."""
    drafts = (
        Draft.objects.exclude(lessons_learned="")
        .filter(status__in=[DraftStatus.SUBMITTED, DraftStatus.FUNDED, DraftStatus.NOT_FUNDED])
        .select_related("call", "organization", "organization__municipality")
        .order_by("-call__deadline", "call__title", "?")
    )
    lessons = []
    for draft in drafts:
        organization = draft.organization
        names = [organization.name]
        if organization.municipality is not None:
            official = organization.municipality.name
            names += [official, official.split(",")[0].strip()]
        lessons.append(
            Lesson(
                call_title=draft.call.title,
                status=draft.status,
                status_label=draft.get_status_display(),
                text=anonymise(draft.lessons_learned, names),
            )
        )
    return lessons
