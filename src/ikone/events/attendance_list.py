"""The check-in list of an event (/veranstaltungen/<slug>/verwaltung/anwesenheit/)
as a memo (issue 15): how many are there and one row with a form per person.

Every visit read the event's confirmed and waiting registrations with
their people and organisations and wrote a form per person, most of the
page. What the list shows depends on the event (its slug is in the forms'
addresses), the search and whether htmx asks (the forms' save buttons),
not on who may see it: that is checked per request before
(`permissions.can_manage_participants`). The memo (ADR 0006) is keyed by
exactly these, language and script prefix, and is computed anew when
registrations, people or organisations change. The forms' CSRF token is
never kept: each request puts its own in (`memo.html_with_csrf`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString

from ikone.core.pagecache import memo
from ikone.events import selectors_manage as selectors
from ikone.events.manage_rows import attendance_rows
from ikone.events.models import Event

MEMO_PREFIX = "events:attendance-list:v1"


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


def attendance_list(
    request: HttpRequest, *, event: Event, query: str, htmx: bool
) -> AttendanceList:
    """The figure and rows of `event`'s check-in for `query`; the caller has
    checked the right to see them."""
    key = memo.key(MEMO_PREFIX, event.pk, event.slug, query, htmx)

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
