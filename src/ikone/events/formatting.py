"""Event times in German form, in Europe/Berlin: "Dienstag, 12. Januar 2021,
10:00–12:30 Uhr". Used by pages, e-mails and the API."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _time(value: datetime) -> str:
    return date_format(value, "H:i")


def _day(value: datetime) -> str:
    # Translators: a date format of Django's `date` filter ("Dienstag, 12. Januar 2021").
    return date_format(value, pgettext("date format", "l, j. F Y"))


def format_when(starts_at: datetime, ends_at: datetime) -> str:
    """Date and time span in the current time zone and language."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day = _day(start)
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s Uhr") % {
            "day": day,
            "start": _time(start),
            "end": _time(end),
        }
    return _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start_day": day,
        "start": _time(start),
        "end_day": _day(end),
        "end": _time(end),
    }
