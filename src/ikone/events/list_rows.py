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

from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.urlmemo import EACH, row_address
from ikone.events.formatting import when_formatter
from ikone.events.models import Event, EventFormat, EventStatus


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
