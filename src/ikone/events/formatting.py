"""Event times in German form, in Europe/Berlin: "Dienstag, 12. Januar 2021,
10:00–12:30 Uhr". Used by pages, e-mails and the API."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from ikone.core.datetimes import berlin_date, format_date, format_time


def format_when(starts_at: datetime, ends_at: datetime) -> str:
    """Date and time span in Europe/Berlin and the active language."""
    day = format_date(starts_at, "weekday")
    if berlin_date(starts_at) == berlin_date(ends_at):
        return _("%(day)s, %(start)s–%(end)s Uhr") % {
            "day": day,
            "start": format_time(starts_at),
            "end": format_time(ends_at),
        }
    return _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start_day": day,
        "start": format_time(starts_at),
        "end_day": format_date(ends_at, "weekday"),
        "end": format_time(ends_at),
    }
