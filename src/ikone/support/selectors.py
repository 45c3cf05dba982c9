"""Reads of support requests: the requester's list, the coordinators'
queue with filters, one request with its thread, the response-time figures."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import statistics
from collections import defaultdict
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ikone.accounts.models import User
from ikone.accounts.permissions import is_signed_in, remember_role, role_subquery
from ikone.accounts.visibility import own_organization_ids, work_filter
from ikone.applications.models import DraftMentor
from ikone.core.datetimes import berlin_datetime, iso, to_berlin
from ikone.core.pagecache import memo
from ikone.core.prepared import PreparedQuery
from ikone.support import permissions
from ikone.support.models import CannedReply, MessageKind, Source, SupportMessage, SupportRequest
from ikone.support.workflow import OPEN

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

FIGURE_MONTHS = 12
# What a line of the coordinators' queue shows (support/queue.html).
QUEUE_FIELDS = (
    "subject",
    "status",
    "topic",
    "priority",
    "due_date",
    "is_member",
    "organization_name",
    "requester_name",
    "organization__name",
    "assignee__name",
    "assignee__email",
)


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""  # a Status, "open" (default) or "all"
    topic: str = ""
    assignee: str = ""  # a user id, "me" or "none"
    priority: str = ""
    member: str = ""  # "yes", "no"


def _draft_visible(user: User, organization_ids: list[int] | None = None) -> Q:
    """Requests without a draft, or whose draft the person may see (the
    organisation's people, mentors it shared with, coordinators while
    shared with the network) - `applications.permissions` as a filter."""
    return Q(draft__isnull=True) | work_filter(
        user,
        organization_field="draft__organization_id",
        # A subquery, not a join: a draft shared with several mentors would
        # repeat the request once per share.
        chosen_as_mentor=Q(
            Exists(DraftMentor.objects.filter(draft_id=OuterRef("draft_id"), mentor_id=user.pk))
        ),
        network_flag="draft__shared_with_network",
        organization_ids=organization_ids,
    )


def request_list_for(*, user: AnyUser) -> QuerySet[SupportRequest]:
    """The person's own requests, their organisations' requests written on
    the platform, and requests assigned to them; newest first.

    The organisations' ids are read first and named as a list: with them
    the database combines the requester, organisation and assignee indexes
    (about 1 ms for the bench's 20,000 requests) instead of reading every
    request to test a subquery (7 ms, and the page counts and lists)."""
    if not is_signed_in(user):
        return SupportRequest.objects.none()
    organization_ids = own_organization_ids(user)
    mine = (
        Q(requester=user)
        | Q(source=Source.PLATFORM, organization_id__in=organization_ids)
        | Q(assignee=user)
    )
    return (
        SupportRequest.objects.filter(mine)
        .filter(_draft_visible(user, organization_ids))
        .select_related("organization", "assignee")
        .order_by("-created_at", "-pk")
    )


def request_list_of_requester(*, user: AnyUser) -> QuerySet[SupportRequest]:
    """The requests the person asked and their organisations' platform
    requests (not those assigned to them to handle); for the API."""
    if not is_signed_in(user):
        return SupportRequest.objects.none()
    organization_ids = own_organization_ids(user)
    mine = Q(requester=user) | Q(source=Source.PLATFORM, organization_id__in=organization_ids)
    return (
        SupportRequest.objects.filter(mine)
        .filter(_draft_visible(user, organization_ids))
        .select_related("organization")
        .order_by("-created_at", "-pk")
    )


def queue_for(*, user: AnyUser, filters: QueueFilters) -> QuerySet[SupportRequest]:
    """The coordinators' queue: every request they may see, filtered; due
    ones first, then the oldest."""
    if not permissions.can_view_queue(user):
        raise Http404
    requests = SupportRequest.objects.filter(_draft_visible(cast(User, user)))
    if filters.status == "all":
        pass
    elif filters.status:
        requests = requests.filter(status=filters.status)
    else:
        requests = requests.filter(status__in=OPEN)
    requests = _filtered(requests, filters, user)
    # Only the columns the list shows: the database sorts every open
    # request (~12,000 in the benchmark) to find the page, and the message
    # and the joined organisation and person rows made each row ~5 KB wide.
    return (
        requests.select_related("organization", "assignee")
        .only(*QUEUE_FIELDS)
        .order_by("due_date", "created_at", "pk")
    )


def queue_count(*, user: AnyUser, filters: QueueFilters) -> int:
    """How many requests `queue_for` holds: a memo per person and filters,
    counted anew after any write to a table the count read (counting the
    ~12,000 open requests of the benchmark cost the database more than the
    page's rows). The person and their roles are part of the key: what a
    coordinator sees depends on their memberships, mentor shares and roles
    (the roles shape the filter; the memberships and shares are read by it)."""
    roles = (
        bool(user.is_superuser),
        bool(getattr(user, "is_coordinator", False)),
        bool(getattr(user, "is_mentor", False)),
    )
    digest = hashlib.sha256(repr((roles, astuple(filters))).encode()).hexdigest()[:32]
    # The queryset is built only when the memo has no count.
    return memo.get_or_compute(
        f"support:queue-count:{user.pk or 0}:{digest}",
        lambda: queue_for(user=user, filters=filters).count(),
    )


def _filtered(
    requests: QuerySet[SupportRequest], filters: QueueFilters, user: Any
) -> QuerySet[SupportRequest]:
    if filters.topic:
        requests = requests.filter(topic=filters.topic)
    if filters.priority:
        requests = requests.filter(priority=filters.priority)
    assignee = {"me": Q(assignee=user), "none": Q(assignee__isnull=True)}.get(filters.assignee)
    if assignee is None and filters.assignee.isdigit():
        assignee = Q(assignee_id=int(filters.assignee))
    if assignee is not None:
        requests = requests.filter(assignee)
    member = {"yes": True, "no": False}.get(filters.member)
    if member is not None:
        requests = requests.filter(is_member=member)
    return requests


def request_get_for_view(*, user: AnyUser, pk: int) -> SupportRequest:
    """The request, if the person may see it (404 otherwise).

    The person's role in the request's organisation and in its draft's
    organisation come in the same query, remembered where `role_in` looks
    first; the check itself is `permissions.can_view_request`. Nobody
    signed out sees a request, so they get Http404 without a query."""
    if not is_signed_in(user) or not 0 < pk <= _MAX_ID:
        raise Http404
    request = _REQUEST_FOR_VIEW.first(pk=pk, user_id=user.pk)
    if request is None:
        raise Http404
    if request.organization is not None:
        remember_role(request.organization, user.pk, request.viewer_role)  # type: ignore[attr-defined]
    if request.draft is not None:
        remember_role(request.draft.organization, user.pk, request.viewer_draft_role)  # type: ignore[attr-defined]
    if not permissions.can_view_request(user, request):
        raise Http404
    return request


# The largest id a (big integer) primary key holds: beyond it Django finds
# nothing without asking the database, and so does the prepared query.
_MAX_ID = 2**63 - 1

# Run on every page of a request and its actions: built and compiled once
# per process (core.prepared, issue 15).
_REQUEST_FOR_VIEW = PreparedQuery(
    lambda pk, user_id: (
        SupportRequest.objects.select_related(
            "organization", "assignee", "draft__organization", "question"
        )
        .filter(pk=pk)
        .annotate(
            viewer_role=role_subquery(user_id, "organization_id"),
            viewer_draft_role=role_subquery(user_id, "draft__organization_id"),
        )
        .order_by()
    ),
    pk=int,
    user_id=int,
)


def request_messages(*, request: SupportRequest, handler: bool) -> list[SupportMessage]:
    """The thread; internal notes only for handlers."""
    thread = _THREAD_FOR_HANDLERS if handler else _THREAD_FOR_REQUESTERS
    return thread.all(request_id=request.pk)


_THREAD_FOR_HANDLERS = PreparedQuery(
    lambda request_id: SupportMessage.objects.filter(request_id=request_id),
    request_id=int,
)
_THREAD_FOR_REQUESTERS = PreparedQuery(
    lambda request_id: SupportMessage.objects.filter(request_id=request_id).exclude(
        kind=MessageKind.NOTE
    ),
    request_id=int,
)


def assignee_choices() -> QuerySet[User]:
    return User.objects.filter(
        Q(is_coordinator=True) | Q(is_mentor=True), is_active=True
    ).order_by("name", "email")


def assignee_options() -> list[tuple[int, str]]:
    """(id, label) of `assignee_choices` as the handling form shows them,
    read once per change of the people (a memo): every handler's view of a
    request shows them, and finding the few coordinators and mentors reads
    the whole table of people."""
    return memo.get_or_compute(
        "support:assignee-options",
        lambda: [(user.pk, str(user)) for user in assignee_choices()],
    )


def canned_replies(*, topic: str = "") -> list[CannedReply]:
    if topic:
        return _CANNED_REPLIES_FOR_TOPIC.all(topic=topic)
    return list(CannedReply.objects.all())


_CANNED_REPLIES_FOR_TOPIC = PreparedQuery(
    lambda topic: CannedReply.objects.filter(Q(topic=topic) | Q(topic="")),
    topic=str,
)


def canned_reply_get(*, pk: str) -> CannedReply | None:
    """The canned reply with this id, None for anything else."""
    if not pk.isdigit():
        return None
    return CannedReply.objects.filter(pk=int(pk)).first()


@dataclass(frozen=True)
class MonthFigures:
    month: str  # "2026-11"
    group: str  # "member", "non_member"
    received: int
    answered: int
    median_first_response_hours: float | None
    resolved: int
    median_resolution_hours: float | None


def response_figures(*, user: AnyUser, months: int = FIGURE_MONTHS) -> list[MonthFigures]:
    """Per month of receipt (Europe/Berlin) and for members and
    non-members: requests received, median hours to the first answer and
    to the solution. Counts every request (also those of drafts the
    coordination may not open: only times are read, no content), so the
    figures are the same for every coordinator.

    The whole months are computed once per change of the requests (a memo,
    ADR 0006: ~1 s for 10,000 requests). The window starts `31 * months`
    days ago, in the middle of its oldest month, and moves with the clock:
    that month's requests are kept in the memo in order of receipt and cut
    at the start of the window in each request."""
    if not permissions.can_view_queue(user):
        raise Http404
    since = timezone.now() - dt.timedelta(days=31 * months)
    first_whole = _next_month_start(to_berlin(since))
    whole, oldest = memo.get_or_compute(
        f"support:response-figures:{iso(first_whole)}",
        lambda: _figures_from(first_whole),
    )
    start = bisect.bisect_left(oldest, since, key=lambda row: row.created)
    return whole + _figures(oldest[start:])


class _Times(NamedTuple):
    """One request's times: the month and group it counts in, the hours to
    the first answer and to the solution (None while there is none)."""

    created: dt.datetime
    month: str  # "2026-11"
    group: str  # "member", "non_member"
    first_hours: float | None
    resolve_hours: float | None


def _next_month_start(local: dt.datetime) -> dt.datetime:
    """The first Berlin midnight of a month at or after `local`."""
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if start == local:
        return start
    return berlin_datetime((start.replace(day=28) + dt.timedelta(days=4)).replace(day=1).date())


def _figures_from(first_whole: dt.datetime) -> tuple[list[MonthFigures], list[_Times]]:
    """The figures of the months from `first_whole` on, and the times of
    the month before it in order of receipt (one query)."""
    previous = berlin_datetime((first_whole - dt.timedelta(days=1)).replace(day=1).date())
    rows = (
        SupportRequest.objects.filter(created_at__gte=previous)
        .order_by("created_at")
        .values_list("created_at", "first_response_at", "resolved_at", "is_member")
    )
    whole: list[_Times] = []
    oldest: list[_Times] = []
    for created, first, resolved, member in rows.iterator(chunk_size=2000):
        local = to_berlin(created)
        times = _Times(
            created=created,
            month=f"{local.year:04d}-{local.month:02d}",
            group="member" if member else "non_member",
            first_hours=(first - created).total_seconds() / 3600 if first else None,
            resolve_hours=(resolved - created).total_seconds() / 3600 if resolved else None,
        )
        (whole if created >= first_whole else oldest).append(times)
    return _figures(whole), oldest


def _figures(times: list[_Times]) -> list[MonthFigures]:
    """Per month and group, newest month first."""
    buckets: dict[tuple[str, str], list[_Times]] = defaultdict(list)
    for row in times:
        buckets[(row.month, row.group)].append(row)
    figures = []
    for (month, group), items in sorted(buckets.items(), reverse=True):
        first_hours = [row.first_hours for row in items if row.first_hours is not None]
        resolve_hours = [row.resolve_hours for row in items if row.resolve_hours is not None]
        figures.append(
            MonthFigures(
                month=month,
                group=group,
                received=len(items),
                answered=len(first_hours),
                median_first_response_hours=_median(first_hours),
                resolved=len(resolve_hours),
                median_resolution_hours=_median(resolve_hours),
            )
        )
    return figures


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None
