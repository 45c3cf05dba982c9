"""iCalendar (RFC 5545) files for events: one event, the feed of all
public events, and the attachments of confirmation and cancellation mails.

UIDs are stable (`event-<pk>@<host>`), so a calendar that imported an event
replaces it when SEQUENCE grows (`Event.ics_sequence`, incremented when
time, place or status change). Times are written in Europe/Berlin with its
VTIMEZONE.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from ikone.core.datetimes import BERLIN, to_berlin
from ikone.events.models import Event, EventStatus

TZID = BERLIN.key
PRODID = "-//IKONE//Veranstaltungen//DE"


def _host() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "ikone.invalid"


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def event_uid(event: Event) -> str:
    """The stable UID of an event in every calendar file."""
    return f"event-{event.pk}@{_host()}"


def _location(event: Event, *, with_link: bool) -> str:
    parts = [event.place] if event.place else []
    if with_link and event.meeting_url:
        parts.append(event.meeting_url)
    return ", ".join(parts)


def _vevent(event: Event, *, with_link: bool) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("dtstart", to_berlin(event.starts_at))
    vevent.add("dtend", to_berlin(event.ends_at))
    vevent.add("summary", event.title)
    url = _absolute(event.get_absolute_url())
    description = event.summary or ""
    vevent.add("description", f"{description}\n\n{url}".strip())
    vevent.add("url", url)
    location = _location(event, with_link=with_link)
    if location:
        vevent.add("location", location)
    vevent.add("sequence", event.ics_sequence)
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    if event.created_at:
        vevent.add("created", event.created_at)
    if event.updated_at:
        vevent.add("last-modified", event.updated_at)
    return vevent


@functools.cache
def _vtimezone() -> Timezone:
    """The Europe/Berlin VTIMEZONE, computed once per process (it takes
    ~15 ms); never changed after, so calendars can share it."""
    return Timezone.from_tzid(TZID)


def build_calendar(
    events: Iterable[Event], *, name: str = "", method: str = "", with_link: bool = False
) -> bytes:
    """A VCALENDAR with one VEVENT per event and the Europe/Berlin VTIMEZONE.

    `method` ("REQUEST" or "CANCEL") is set for mail attachments, so mail
    programs offer to update the calendar; `with_link` puts the meeting link
    into LOCATION (only for files sent to confirmed participants).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_vtimezone())
    for event in events:
        calendar.add_component(_vevent(event, with_link=with_link))
    return calendar.to_ical()
