"""The check-in page of an event (/veranstaltungen/<slug>/verwaltung/anwesenheit/)
as memos (issue 15): the content below the layout, and for htmx searches
the list alone.

Every visit read the event's confirmed and waiting registrations with
their people and organisations, wrote a form per person and rendered the
header with its tabs and the search form, most of the page. What it shows
depends on the event (read again inside the memo, so a new title, slug or
date outdates it), the person's flags for the event (the tabs), the query
parameters (the search as typed) and, for the list alone, whether htmx
asks; who may see it at all is checked per request before
(`permissions.can_manage_participants`). The memos (ADR 0006) are keyed by
exactly these, language and script prefix, and are computed anew when the
event, registrations, people or organisations change. The forms' CSRF
token is never kept: each request puts its own in (`memo.csrf_pieces`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString

from ikone.core.pagecache import memo
from ikone.events import selectors_manage as selectors
from ikone.events.forms import AttendanceSearchForm
from ikone.events.manage_rows import attendance_rows
from ikone.events.models import Event
from ikone.events.permissions import EventFlags

CONTENT_TEMPLATE = "events/manage/includes/attendance_content.html"
CONTENT_PREFIX = "events:attendance-page:v1"
LIST_PREFIX = "events:attendance-list:v1"


@dataclass(frozen=True)
class _Kept:
    attended: int
    pieces: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceList:
    """How many are checked in, whether anyone matches, and the rows."""

    attended: int
    rows: SafeString

    def __bool__(self) -> bool:
        return bool(self.rows)


def search_of(request: HttpRequest) -> tuple[AttendanceSearchForm, str]:
    """The search form as sent and the query it asks for ("" for none)."""
    search = AttendanceSearchForm(request.GET or None)
    return search, (search.cleaned_data["q"] if search.is_valid() else "")


def attendance_content(request: HttpRequest, *, event: Event, flags: EventFlags) -> SafeString:
    """The page below the layout for a person with `flags` on `event`."""

    def context(token: str | None) -> dict[str, object]:
        current = selectors.event_get_for_edit_form(pk=event.pk)
        search, query = search_of(request)
        registrations = selectors.registration_list(event=current, query=query, active_only=True)
        present = bool(registrations)
        attended = selectors.participant_counts(registrations).attended
        # `token` is always the memo's stand-in: this content is never rendered anew.
        rows = attendance_rows(
            registrations, event=current, csrf_token=token or "", query=query, htmx=False
        )
        return {
            "event": current,
            "can": flags,
            "current_tab": "attendance",
            "search": search,
            "query": query,
            "registrations": present,
            "attended": attended,
            "rows_html": rows,
        }

    parts = (event.pk, flags, sorted(request.GET.lists()))
    return memo.content(request, CONTENT_TEMPLATE, context, CONTENT_PREFIX, parts, part=None)


def attendance_list(
    request: HttpRequest, *, event: Event, query: str, htmx: bool
) -> AttendanceList:
    """The figure and rows of `event`'s check-in for `query` (for htmx
    searches); the caller has checked the right to see them."""
    key = memo.key(LIST_PREFIX, event.pk, event.slug, query, htmx)

    def compute() -> _Kept:
        registrations = selectors.registration_list(event=event, query=query, active_only=True)
        pieces = memo.csrf_pieces(
            lambda token: attendance_rows(
                registrations, event=event, csrf_token=token, query=query, htmx=htmx
            )
        )
        return _Kept(selectors.participant_counts(registrations).attended, pieces)

    kept = memo.get_or_compute(key, compute)
    return AttendanceList(kept.attended, memo.with_csrf(request, kept.pieces))
