"""Dates and numbers in both languages (issue 18, point 5): German as
before, English British-style ("14 January 2027", "12,500.50 €") instead of
"14. January 2027" or Django's American "Jan. 14, 2027"."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from ikone.applications.financing import amounts
from ikone.core import datetimes
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.applications.test_financing_plan import add
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory

BERLIN = ZoneInfo("Europe/Berlin")


def text_of(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode()).replace("\u00a0", " ")


@pytest.mark.django_db
def test_a_call_in_both_languages(client, call):
    call.published_on = dt.date(2026, 11, 3)
    call.deadline = dt.datetime(2027, 1, 14, 23, 59, tzinfo=BERLIN)
    call.save()
    german = text_of(client.get("/foerderaufrufe/beispielaufruf/"))
    assert "14. Januar 2027, 23:59 Uhr" in german
    assert "3. November 2026" in german
    assert "65 %" in german
    english = text_of(client.get("/en/foerderaufrufe/beispielaufruf/"))
    assert "14 January 2027, 23:59" in english
    assert "3 November 2026" in english
    assert "14. January" not in english
    assert "Jan. 14" not in english


@pytest.mark.django_db
def test_an_event_in_both_languages(client):
    EventFactory(
        slug="werkstatt",
        starts_at=dt.datetime(2026, 11, 12, 10, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 11, 12, 12, 0, tzinfo=BERLIN),
        registration_deadline=dt.datetime(2026, 11, 10, 18, 0, tzinfo=BERLIN),
    )
    german = text_of(client.get("/veranstaltungen/werkstatt/"))
    assert "Donnerstag, 12. November 2026, 10:00–12:00 Uhr" in german
    assert "10. November 2026, 18:00 Uhr" in german
    english = text_of(client.get("/en/veranstaltungen/werkstatt/"))
    assert "Thursday, 12 November 2026, 10:00–12:00" in english
    assert "10 November 2026, 18:00" in english
    assert "12. November" not in english


@pytest.mark.django_db
def test_a_financing_plan_in_both_languages(client, draft, phases, staff_member):
    add(draft, staff_member, phase=phases[0], amount="12500.50")
    sign_in(client, staff_member)
    with translation.override("de"):
        path = reverse("applications:financing", args=[draft.pk])
    german = text_of(client.get(path))
    assert "12.500,50 €" in german
    with translation.override("en"):
        path_en = reverse("applications:financing", args=[draft.pk])
    assert path_en.startswith("/en/")
    english = text_of(client.get(path_en))
    assert "12,500.50 €" in english
    assert "12.500,50" not in english


def test_english_amounts_are_read_the_english_way():
    with translation.override("en"):
        assert amounts.parse_amount("12,500.50") == Decimal("12500.50")
        assert amounts.parse_amount("12500.5") == Decimal("12500.50")
        # A German-formatted amount is still understood.
        assert amounts.parse_amount("12.500,50") == Decimal("12500.50")
        assert amounts.format_number(Decimal("1234567.8")) == "1,234,567.80"
    with translation.override("de"):
        assert amounts.parse_amount("12.500,50") == Decimal("12500.50")
        assert amounts.format_number(Decimal("1234567.8")) == "1.234.567,80"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["14. Januar 2027", "14.01.2027", "14. Januar 2027 10:00"]),
        ("en", ["14 January 2027", "14/01/2027", "14 January 2027, 10:00"]),
    ],
)
def test_django_date_formats(language, expected):
    from django.utils import formats

    moment = dt.datetime(2027, 1, 14, 10, 0, tzinfo=BERLIN)
    with translation.override(language):
        assert [
            formats.date_format(moment.date(), "DATE_FORMAT"),
            formats.date_format(moment.date(), "SHORT_DATE_FORMAT"),
            formats.date_format(datetimes.to_berlin(moment), "DATETIME_FORMAT"),
        ] == expected
