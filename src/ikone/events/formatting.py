"""Event times in German form, in Europe/Berlin: "Dienstag, 12. Januar 2021,
10:00–12:30 Uhr". Used by pages, e-mails and the API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.utils.translation import gettext as _

from ikone.core.datetimes import berlin_date, date_formatter, format_date, format_time


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


def when_formatter() -> Callable[[datetime, datetime], str]:
    """`format_when` for the rows of a list in one language: the wording
    and the date pattern are looked up once, each day formatted once."""
    day = date_formatter("weekday")
    one_day = _("%(day)s, %(start)s–%(end)s Uhr")
    several_days = _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr")

    def format_one(starts_at: datetime, ends_at: datetime) -> str:
        if berlin_date(starts_at) == berlin_date(ends_at):
            return one_day % {
                "day": day(starts_at),
                "start": format_time(starts_at),
                "end": format_time(ends_at),
            }
        return several_days % {
            "start_day": day(starts_at),
            "start": format_time(starts_at),
            "end_day": day(ends_at),
            "end": format_time(ends_at),
        }

    return format_one
