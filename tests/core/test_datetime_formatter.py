"""`datetime_formatter` and `date_formatter` are `format_datetime` and
`format_date` for many values at once (the rows of a history page or a
list): they must write exactly what the single-value functions write, in
both languages, every style, on both sides of a DST change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils import formats, translation

from ikone.core.datetimes import (
    date_formatter,
    datetime_formatter,
    format_date,
    format_datetime,
    format_time,
    to_berlin,
)
from ikone.core.numbers import digit_grouper

INSTANTS = [
    datetime(2027, 1, 14, 22, 59, tzinfo=UTC),  # 23:59 in Berlin, winter
    datetime(2027, 1, 14, 23, 30, tzinfo=UTC),  # already 15 January in Berlin
    datetime(2027, 3, 28, 0, 59, tzinfo=UTC),  # just before the change to summer time
    datetime(2027, 3, 28, 1, 0, tzinfo=UTC),  # 03:00 summer time
    datetime(2027, 7, 1, 6, 5, tzinfo=UTC),
    datetime(2027, 7, 1, 6, 5, tzinfo=UTC),  # the same day again (formatted once)
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("style", ["long", "short", "weekday", "month"])
def test_it_writes_what_format_datetime_writes(language, style):
    with translation.override(language):
        format_one = datetime_formatter(style)
        assert [format_one(value) for value in INSTANTS] == [
            format_datetime(value, style) for value in INSTANTS
        ]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("style", ["long", "short", "weekday", "month"])
def test_date_formatter_writes_what_format_date_writes(language, style):
    with translation.override(language):
        format_one = date_formatter(style)
        assert [format_one(value) for value in INSTANTS] == [
            format_date(value, style) for value in INSTANTS
        ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_format_time_writes_what_djangos_h_i_writes(language):
    with translation.override(language):
        assert [format_time(value) for value in INSTANTS] == [
            formats.time_format(to_berlin(value), "H:i") for value in INSTANTS
        ]


def test_berlin_wall_clock_in_german():
    with translation.override("de"):
        assert datetime_formatter("short")(INSTANTS[1]) == "15.01.2027, 00:30 Uhr"


@pytest.mark.parametrize("language", ["de", "en"])
def test_digit_grouping_matches_django(language):
    numbers = [0, 7, 999, 1000, 12345, 1234567]
    with translation.override(language):
        group = digit_grouper()
        assert [group(n) for n in numbers] == [
            formats.number_format(n, use_l10n=True) for n in numbers
        ]


def test_days_kept_across_pages_stay_in_their_language():
    """Formatted days are kept for the process, per pattern and language:
    a German page after an English one gets German names, and back."""
    from ikone.core.datetimes import day_formatter

    day = datetime(2027, 1, 14, 12, 0, tzinfo=UTC)
    texts = []
    for language in ("en", "de", "en", "de"):
        with translation.override(language):
            texts.append(day_formatter("l, j. F Y")(day))
            assert date_formatter("weekday")(day) == format_date(day, "weekday")
            assert datetime_formatter("long")(day) == format_datetime(day, "long")
    assert texts == ["Thursday, 14. January 2027", "Donnerstag, 14. Januar 2027"] * 2
