"""An event's participant list (/veranstaltungen/<slug>/verwaltung/teilnehmende/)
as a memo (issue 15): the figures and the table rows of its registrations.

Every visit read all registrations with their people and organisations
and wrote a row each, most of the page. What the list shows depends on
the event alone: who may see it is checked per request before
(`permissions.can_manage_participants`), and nothing in the rows or
figures differs between the people who may. The memo (ADR 0006) is keyed
by the event, language and script prefix (labels, date formats) and is
computed anew when registrations, people or organisations change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from ikone.core.pagecache import memo
from ikone.events import selectors_manage as selectors
from ikone.events.manage_rows import participant_rows
from ikone.events.models import Event
from ikone.events.selectors_manage import ParticipantCounts

MEMO_PREFIX = "events:participant-list:v1"


@dataclass(frozen=True)
class ParticipantList:
    """The figures above the list and its rows (empty: nobody registered)."""

    counts: ParticipantCounts
    rows: SafeString


def participant_list(*, event: Event) -> ParticipantList:
    """The event's figures and rows; the caller has checked the right to see them."""

    def compute() -> ParticipantList:
        registrations = selectors.registration_list(event=event)
        return ParticipantList(
            selectors.participant_counts(registrations), participant_rows(registrations)
        )

    return memo.get_or_compute(memo.key(MEMO_PREFIX, event.pk), compute)
