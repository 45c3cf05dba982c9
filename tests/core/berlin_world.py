"""The world of the Berlin-time sweep (tests/core/test_berlin_time_sweep.py)
and how it tells a Berlin rendering from a UTC one.

Import with `from tests.core.berlin_world import *  # noqa: F403`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import MONTHS, MONTHS_AP

from ikone.accounts.models import Invitation, Role
from ikone.applications.models import Draft, DraftSection
from ikone.calls.models import Call, CallStatus
from ikone.core.datetimes import BERLIN
from ikone.core.models import AuditEntry
from ikone.events.models import EventStatus, RegistrationStatus
from ikone.notifications.models import Notification
from tests.events.factories import EventFactory, RegistrationFactory

__all__ = [
    "EVENT_END",
    "EVENT_START",
    "FORBIDDEN",
    "LANGUAGES",
    "ORPHAN_SAVED",
    "REGISTRATION_DEADLINE",
    "SUMMER",
    "WINTER",
    "Output",
    "World",
    "assert_berlin",
    "clock",
    "iso_form",
    "problems",
    "text_of",
    "url",
    "world",
    "get",
]

WINTER = datetime(2027, 1, 14, 23, 59, tzinfo=BERLIN)  # 22:59 UTC
SUMMER = datetime(2027, 6, 30, 23, 59, tzinfo=BERLIN)  # 21:59 UTC
EVENT_START = datetime(2027, 3, 27, 0, 15, tzinfo=BERLIN)  # 23:15 UTC, Friday
EVENT_END = datetime(2027, 3, 28, 15, 45, tzinfo=BERLIN)  # 13:45 UTC, summer time
REGISTRATION_DEADLINE = datetime(2027, 3, 25, 23, 59, tzinfo=BERLIN)  # 22:59 UTC
NOW = datetime(2026, 12, 1, 10, 7, tzinfo=BERLIN)
ORPHAN_SAVED = datetime(2026, 11, 29, 0, 30, tzinfo=BERLIN)  # 23:30 UTC on 28 November
INSTANTS = (WINTER, SUMMER, EVENT_START, EVENT_END, REGISTRATION_DEADLINE, ORPHAN_SAVED)
LANGUAGES = ("de", "en")


def clock_forms(moment: datetime) -> set[str]:
    """How a wall-clock time is written: "23:59", "11:59 p.m.", ICS "235900"."""
    hour, minute = moment.hour, moment.minute
    twelve = f"{hour % 12 or 12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"
    return {f"{hour:02d}:{minute:02d}", twelve, f"T{hour:02d}{minute:02d}00"}


def _month(day: date, language: str, names=MONTHS) -> str:
    with translation.override(language):
        return str(names[day.month])


def date_forms(day: date) -> set[str]:
    """How a day is written in German, English (Django's, the helper's and
    the British short forms), ISO, ICS and short forms."""
    german, english = _month(day, "de"), _month(day, "en")
    return {
        day.strftime("%d.%m.%Y"),
        f"{day.day}. {german} {day.year}",
        f"{day.day} {english} {day.year}",
        f"{english} {day.day}, {day.year}",
        f"{_month(day, 'en', MONTHS_AP)} {day.day}, {day.year}",
        day.strftime("%m/%d/%Y"),
        day.strftime("%d/%m/%Y"),  # British short form (core.formats.en)
        day.isoformat(),
        day.strftime("%Y%m%d"),
    }


def iso_form(moment: datetime) -> str:
    return moment.isoformat()


def berlin_forms(moment: datetime) -> tuple[set[str], set[str]]:
    return clock_forms(moment), date_forms(moment.date())


def wrong_forms(moment: datetime) -> set[str]:
    """What a wrong conversion writes: the UTC wall clock and day, and the
    wall clock of a fixed +01:00 offset (wrong in summer)."""
    utc = moment.astimezone(UTC)
    forms = clock_forms(utc)
    if utc.date() != moment.date():
        forms |= date_forms(utc.date())
    fixed = (utc + timedelta(hours=1)).replace(tzinfo=None)
    if fixed != moment.replace(tzinfo=None):
        forms |= clock_forms(fixed)
    return forms


FORBIDDEN = set().union(*(wrong_forms(moment) for moment in INSTANTS))


@dataclass
class Output:
    name: str
    text: str
    times: tuple[datetime, ...] = ()  # must show the Berlin time (and day)
    days: tuple[datetime, ...] = ()  # must show the Berlin day


def problems(output: Output) -> list[str]:
    found = []
    for moment in output.times:
        clocks, days = berlin_forms(moment)
        if not any(form in output.text for form in clocks):
            found.append(f"{output.name}: Berlin time of {moment} missing")
        if not any(form in output.text for form in days):
            found.append(f"{output.name}: Berlin day of {moment} missing")
    for moment in output.days:
        if not any(form in output.text for form in date_forms(moment.date())):
            found.append(f"{output.name}: Berlin day of {moment} missing")
    wrong = sorted(form for form in FORBIDDEN if form in output.text)
    if wrong:
        found.append(f"{output.name}: shows {wrong}")
    return found


def assert_berlin(outputs: list[Output]) -> None:
    assert outputs
    found = [problem for output in outputs for problem in problems(output)]
    assert not found, "\n".join(found)


# --- the world --------------------------------------------------------------------


@dataclass
class World:
    winter: Call
    summer: Call
    drafts: tuple[Draft, Draft]
    event: object
    cancelled: object
    confirmed: object
    waitlisted: object
    invitation: Invitation
    message: AuditEntry
    audit: AuditEntry


def _call(slug: str, deadline: datetime) -> Call:
    return Call.objects.create(
        slug=slug,
        programme="Modellprojekte Smart Cities",
        funder="Bund",
        title=f"Aufruf {slug}",
        summary="Zur Prüfung der Zeitzone.",
        status=CallStatus.OPEN,
        deadline=deadline,
    )


def _draft(organization, call: Call) -> Draft:
    draft = Draft.objects.create(
        organization=organization, call=call, title=f"Entwurf {call.slug}"
    )
    DraftSection.objects.create(
        draft=draft, position=0, key="ausgangslage", title="Ausgangslage", text="Text."
    )
    return draft


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW.astimezone(UTC))


@pytest.fixture
def world(clock, organization, staff_member, coordinator, person) -> World:
    winter, summer = _call("winterfrist", WINTER), _call("sommerfrist", SUMMER)
    drafts = (_draft(organization, winter), _draft(organization, summer))
    times = {"starts_at": EVENT_START, "ends_at": EVENT_END}
    event = EventFactory(
        slug="nachtschicht",
        title="Digitale Nachtschicht",
        capacity=1,
        registration_deadline=REGISTRATION_DEADLINE,
        **times,
    )
    cancelled = EventFactory(
        slug="abgesagt", title="Abgesagte Nachtschicht", status=EventStatus.CANCELLED, **times
    )
    confirmed = RegistrationFactory(event=event, person=staff_member)
    waitlisted = RegistrationFactory(
        event=event, person=person, status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(event=cancelled, person=person)
    # Registered at the deadlines' instants: the participant lists show these.
    type(confirmed).objects.filter(pk=confirmed.pk).update(created_at=WINTER)
    type(waitlisted).objects.filter(pk=waitlisted.pk).update(created_at=SUMMER)
    invitation = Invitation.objects.create(
        organization=organization,
        email="eingeladen@example.org",
        role=Role.STAFF,
        token="berlin-sweep-token",
        invited_by=staff_member,
        expires_at=SUMMER,
    )
    message = AuditEntry.objects.create(
        actor=coordinator,
        action="events.participants.messaged",
        target_type="events.event",
        target_id=str(event.pk),
        data={"subject": "Hinweis", "body": "Bitte pünktlich."},
    )
    audit = AuditEntry.objects.create(actor=coordinator, action="accounts.invitation.created")
    AuditEntry.objects.filter(pk=audit.pk).update(created_at=WINTER)
    # Arrived at 00:15 Berlin time on 27 March: still 26 March in UTC.
    Notification.objects.create(user=staff_member, kind="events.registration", subject="Anmeldung")
    Notification.objects.filter(user=staff_member).update(created_at=EVENT_START)
    staff_member.date_joined = WINTER
    staff_member.save(update_fields=["date_joined"])
    return World(
        winter, summer, drafts, event, cancelled, confirmed, waitlisted, invitation, message, audit
    )


def url(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def get(client, language: str, name: str, **kwargs):
    response = client.get(url(language, name, **kwargs))
    assert response.status_code == 200, (name, kwargs, response.status_code)
    return response


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
