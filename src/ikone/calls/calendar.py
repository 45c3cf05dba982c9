"""The deadline of a call as an iCalendar file (RFC 5545).

One VEVENT at the deadline (zero length, in Europe/Berlin) with a reminder
a week before; the UID is stable (`call-<pk>-deadline@<host>`) and
SEQUENCE follows the call's `revision`, so calendars that imported the
file update it when the deadline moves.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as VEvent

from ikone.calls.models import Call
from ikone.core.datetimes import to_berlin


def _host() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "ikone.invalid"


def deadline_calendar(call: Call) -> bytes:
    """The calendar file; the call must have a deadline."""
    if call.deadline is None:
        raise ValueError("call without deadline")
    cal = Calendar()
    cal.add("prodid", "-//IKONE//Foerderaufrufe//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    deadline = to_berlin(call.deadline)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + call.get_absolute_url()
    event = VEvent()
    event.add("uid", f"call-{call.pk}-deadline@{_host()}")
    event.add("dtstamp", call.updated_at or timezone.now())
    event.add("dtstart", deadline)
    event.add("dtend", deadline)
    event.add("summary", _("Frist: %(title)s") % {"title": call.title})
    event.add("description", f"{call.summary}\n\n{url}".strip())
    event.add("url", url)
    event.add("sequence", call.revision)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add(
        "description", _("In einer Woche endet die Frist: %(title)s") % {"title": call.title}
    )
    alarm.add("trigger", timedelta(days=-7))
    event.add_component(alarm)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
