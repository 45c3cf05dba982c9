"""Event times in German form, in Europe/Berlin: "Dienstag, 12. Januar 2021,
10:00–12:30 Uhr". Used by pages, e-mails and the API."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def _time(value: datetime) -> str:
    return date_format(value, "H:i")


def format_when(starts_at: datetime, ends_at: datetime) -> str:
    """Date and time span in the current time zone and language."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day = date_format(start, "l, j. F Y")
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s Uhr") % {
            "day": day,
            "start": _time(start),
            "end": _time(end),
        }
    return _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start_day": day,
        "start": _time(start),
        "end_day": date_format(end, "l, j. F Y"),
        "end": _time(end),
    }
