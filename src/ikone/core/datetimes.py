"""Dates and times as they leave the platform, always in Europe/Berlin.

Templates convert datetimes to the current time zone by themselves; every
other output (DOCX, CSV, XLSX, JSON, e-mail text built in Python, messages,
command output) formats through this module, so a deadline stored as
22:59 UTC reads "23:59 Uhr" everywhere. It is also the one place that names
the zone: other code takes Berlin days and times from `berlin_date`,
`berlin_datetime` and `to_berlin`, never from `timezone.localtime`,
`date.today()` or a `tzinfo=` of its own. `tests/core/test_datetime_formatting.py`
fails on formatting (`strftime`, `date_format`, `isoformat`, `%` specs), zone
choices or UTC calendar parts (`call.deadline.date()`) anywhere else; see
docs/datetimes.md.

People get German or English wording by the active language:

    format_datetime(call.deadline)          "14. Januar 2027, 23:59 Uhr" / "14 January 2027, 23:59"
    format_date(milestone.date, "short")    "14.01.2027" / "01/14/2027"
    format_time(event.starts_at)            "10:00"

Machines get ISO 8601 with the Berlin offset (`iso`, "2027-01-14T23:59:00+01:00"),
spreadsheets a naive Berlin wall-clock datetime (`spreadsheet_value`, as
XLSX cells cannot carry a zone), CSV the numeric German form (`numeric`).
Calendar files (ICS) write Europe/Berlin times with its VTIMEZONE through
`to_berlin`; only DTSTAMP, CREATED and LAST-MODIFIED stay UTC, as RFC 5545
demands.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

BERLIN = ZoneInfo("Europe/Berlin")

DateStyle = Literal["long", "short", "weekday", "month"]


def to_berlin(value: datetime) -> datetime:
    """The same instant on Berlin's wall clock. A naive datetime is taken to
    be Berlin time already (as Django does with naive values in forms)."""
    if timezone.is_naive(value):
        return value.replace(tzinfo=BERLIN)
    return value.astimezone(BERLIN)


def berlin_now() -> datetime:
    return timezone.now().astimezone(BERLIN)


def berlin_datetime(day: date, clock: time = time.min) -> datetime:
    """The instant of `clock` (midnight without it) on the Berlin day `day`,
    with the offset valid on that day (+01:00 in winter, +02:00 in summer)."""
    return datetime.combine(day, clock, tzinfo=BERLIN)


def berlin_date(value: datetime | date | None = None) -> date:
    """The Berlin calendar day of `value` (today without it). Countdowns
    ("noch 3 Tage", "überfällig") subtract these days, never UTC ones."""
    if value is None:
        return berlin_now().date()
    if isinstance(value, datetime):
        return to_berlin(value).date()
    return value


def _date_pattern(style: DateStyle) -> str:
    if style == "short":
        return "SHORT_DATE_FORMAT"
    if style == "weekday":
        # Translators: a date format of Django's `date` filter ("Dienstag, 12. Januar 2021").
        return pgettext("date format", "l, j. F Y")
    if style == "month":
        # Translators: a date format of Django's `date` filter ("Januar 2021").
        return pgettext("date format", "F Y")
    # Translators: a date format of Django's `date` filter ("12. Januar 2021").
    return pgettext("date format", "j. F Y")


def format_date(value: datetime | date, style: DateStyle = "long") -> str:
    """The (Berlin) day in the active language: "14. Januar 2027",
    "14.01.2027" (short), "Donnerstag, 14. Januar 2027" (weekday), "Januar 2027" (month)."""
    # The same text as `formats.date_format`, each day formatted once per
    # pattern and language in the process (see `_formatted_day`).
    pattern = formats.get_format(_date_pattern(style))
    return _formatted_day(berlin_date(value), pattern, get_language())


def format_time(value: datetime) -> str:
    """Berlin wall-clock time, 24 hours: "23:59" (Django's "H:i", the same in
    every language; written directly, as lists format it per row)."""
    local = to_berlin(value)
    return f"{local.hour:02d}:{local.minute:02d}"


def format_datetime(value: datetime, style: DateStyle = "long") -> str:
    """Day and time in Berlin: "14. Januar 2027, 23:59 Uhr" (English "14 January 2027, 23:59")."""
    return _("%(date)s, %(time)s Uhr") % {
        "date": format_date(value, style),
        "time": format_time(value),
    }


def date_formatter(style: DateStyle = "long") -> Callable[[datetime | date], str]:
    """`format_date` for many values in one language, e.g. the rows of a
    list: the pattern is looked up once and each Berlin day formatted once."""
    return day_formatter(formats.get_format(_date_pattern(style)))


def day_formatter(pattern: str) -> Callable[[datetime | date], str]:
    """What a template's `{{ value|date:"j. F Y" }}` writes for the Berlin
    day of a value (a date as it is), with a literal pattern, each day
    formatted once for the rows of a page (and kept for the process)."""
    days: dict[date, str] = {}
    language = get_language()

    def format_one(value: datetime | date) -> str:
        day = berlin_date(value)
        text = days.get(day)
        if text is None:
            text = days[day] = _formatted_day(day, pattern, language)
        return text

    return format_one


@lru_cache(maxsize=4096)
def _formatted_day(day: date, pattern: str, language: str | None) -> str:
    """A day in a pattern in the language (active when called): the text
    depends on nothing else, and a list of 50 events on 50 days translated
    a weekday and a month name for each on every visit (issue 15)."""
    return dateformat.format(day, pattern)


def pattern_formatter(format_name: str) -> Callable[[datetime], str]:
    """What a template's `{{ value|date:"SHORT_DATETIME_FORMAT" }}` writes
    (Berlin time, the active language's pattern), with the pattern looked up
    once for the rows of a page instead of per value."""
    pattern = formats.get_format(format_name)

    def format_one(value: datetime) -> str:
        return dateformat.format(to_berlin(value), pattern)

    return format_one


def datetime_formatter(style: DateStyle = "long") -> Callable[[datetime], str]:
    """`format_datetime` for many values in one language, e.g. the 50 rows of
    a history page: the pattern and the wording are looked up once, and each
    Berlin day is formatted once (autosaves share their days), instead of
    four translation and format lookups per value."""
    pattern = formats.get_format(_date_pattern(style))
    wording = _("%(date)s, %(time)s Uhr")
    days: dict[date, str] = {}
    language = get_language()

    def format_one(value: datetime) -> str:
        local = to_berlin(value)
        day = local.date()
        text = days.get(day)
        if text is None:
            text = days[day] = _formatted_day(day, pattern, language)
        # "H:i", as format_time writes it in every language.
        return wording % {"date": text, "time": f"{local.hour:02d}:{local.minute:02d}"}

    return format_one


def numeric(value: datetime | date) -> str:
    """The numeric German form spreadsheets read: "14.01.2027 23:59" or "14.01.2027"."""
    if isinstance(value, datetime):
        return formats.date_format(to_berlin(value), "d.m.Y H:i")
    return formats.date_format(value, "d.m.Y")


def spreadsheet_value(value: datetime) -> datetime:
    """A naive Berlin wall-clock datetime to the second (XLSX has no zones)."""
    return to_berlin(value).replace(tzinfo=None, microsecond=0)


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601 for machines: datetimes with the Berlin offset
    ("2027-01-14T23:59:00+01:00"), dates as they are; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_berlin(value).isoformat()
    return value.isoformat()


def filename_date(value: datetime | date | None = None) -> str:
    """The Berlin day for file names: "2027-01-14" (today without `value`)."""
    return berlin_date(value).isoformat()
