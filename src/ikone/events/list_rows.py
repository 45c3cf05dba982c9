"""The cards of /veranstaltungen/ as one string (issue 15): the include of
`events/includes/event_card.html` per event (with the include of its status
badge, a `reverse`, the format's translation, the date span, a loop over
the fields of action and a translated count of places) was most of the
page for signed-in people. Written here, each label is translated once per
page, the addresses come from one `reverse` and the date pattern is looked
up once. The output is what the include wrote, up to whitespace (compared
in tests/events/test_list_rows.py); titles, places, summaries and labels
are escaped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.pagecache import memo
from ikone.core.urlmemo import EACH, row_address
from ikone.events import selectors
from ikone.events.formatting import when_formatter
from ikone.events.models import Event, EventFormat, EventStatus

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

PAGE_SIZE = 20
RESULTS_MEMO_PREFIX = "events:list-results:v1"


@dataclass(frozen=True)
class EventResults:
    """One page of the list: how many events the filters find, the number
    of the page shown, its cards, and until when they hold (the end of the
    next event to end, or None)."""

    count: int
    number: int
    cards: SafeString
    valid_until: datetime | None


def event_results(
    *, user: AnyUser | None, filters: selectors.EventFilters, page: str
) -> EventResults:
    """The page `page` (as the request names it) of the events `user` may
    see under `filters`. A memo (ADR 0006) per visibility
    (`selectors.list_visibility_key`), filters, page, language and script
    prefix: computed anew after a change to a table it was read from
    (events, series, fields of action, registrations, editors) and once the
    next event has ended, which moves it from the upcoming to the past ones."""
    memo_key = memo.key(RESULTS_MEMO_PREFIX, selectors.list_visibility_key(user), filters, page)

    def compute() -> EventResults:
        # Taken before the list reads the clock: an event ending in between
        # makes the result out of date at once, never too late.
        now = timezone.now()
        paginator = Paginator(selectors.event_list(user=user, filters=filters), PAGE_SIZE)
        shown = paginator.get_page(page)
        return EventResults(
            paginator.count,
            shown.number,
            event_cards(shown.object_list),
            selectors.next_list_change(user=user, now=now),
        )

    results = memo.get_or_compute(memo_key, compute)
    if results.valid_until is not None and timezone.now() > results.valid_until:
        memo.forget(memo_key)
        results = memo.get_or_compute(memo_key, compute)
    return results


def _status_badges() -> dict[str, str]:
    """`events/includes/status_badge.html` per status: nothing for a
    published event."""
    badge = '<span class="kern-badge kern-badge--{}"><span class="kern-label">{}</span></span>'
    return {
        EventStatus.CANCELLED: badge.format("danger", escape(_("Abgesagt"))),
        EventStatus.DRAFT: badge.format("warning", escape(_("Entwurf"))),
    }


def event_cards(events: Iterable[Event]) -> SafeString:
    """The <li> of each event (from `selectors.event_list`: with series,
    fields of action and `confirmed_count`)."""
    detail_url = row_address("events:detail", slug=EACH)
    badges = _status_badges()
    when = when_formatter()
    formats = {value: escape(str(label)) for value, label in EventFormat.choices}
    series_label = escape(_("Reihe"))
    fields_label = escape(_("Handlungsfelder"))
    booked_out = escape(_("Ausgebucht – Anmeldung auf die Warteliste möglich"))
    places_taken = _("%(taken)s von %(total)s Plätzen belegt")
    cards = []
    for event in events:
        facts = f"{badges.get(event.status, '')} {escape(when(event.starts_at, event.ends_at))}"
        facts += f" · {formats.get(event.format, escape(event.format))}"
        if event.place:
            facts += f" · {escape(event.place)}"
        summary = f'<p class="kern-body">{escape(event.summary)}</p>' if event.summary else ""
        tags = []
        if event.series:
            tags.append(f"{series_label}: {escape(event.series.title)}")
        fields = event.fields_of_action.all()
        if fields:
            tags.append(f"{fields_label}: " + ", ".join(escape(field.label) for field in fields))
        places = ""
        if event.capacity and event.status == EventStatus.PUBLISHED:
            taken = event.confirmed_count  # type: ignore[attr-defined]
            if taken >= event.capacity:
                places = booked_out
            else:
                places = places_taken % {
                    "taken": escape(localize(taken)),
                    "total": escape(localize(event.capacity)),
                }
            places = f'<p class="kern-body kern-body--small">{places}</p>'
        cards.append(
            '<li><article class="kern-card"><div class="kern-card__container">'
            '<header class="kern-card__header">'
            f'<h2 class="kern-title"><a class="kern-link" href="{escape(detail_url(event.slug))}">'
            f"{escape(event.title)}</a></h2>"
            f'<p class="kern-body kern-body--small">{facts}</p>'
            "</header>"
            f'<div class="kern-card__body">{summary}'
            f'<p class="kern-body kern-body--small">{" · ".join(tags)}</p>'
            f"{places}</div>"
            "</div></article></li>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - titles, places, summaries and labels escaped
