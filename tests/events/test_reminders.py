"""Reminders one day and one hour before an event: due at the right time,
sent exactly once even when the worker runs the same task twice."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ikone.events.models import EventStatus, RegistrationStatus
from ikone.events.tasks import (
    REMINDER_DAY,
    REMINDER_HOUR,
    claim_reminder,
    due_reminders,
    enqueue_due_reminders,
    send_reminder,
)
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def registration_starting_in(delta: datetime.timedelta, **fields):
    now = timezone.now()
    event = EventFactory(starts_at=now + delta, ends_at=now + delta + datetime.timedelta(hours=2))
    return RegistrationFactory(event=event, **fields)


def backdate(registration, days: int = 3) -> None:
    """Registered well before the event (created_at is set on insert)."""
    type(registration).objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_day_reminder_is_due_within_24_hours():
    soon = registration_starting_in(datetime.timedelta(hours=20))
    later = registration_starting_in(datetime.timedelta(hours=30))
    backdate(soon)
    backdate(later)
    assert due_reminders() == [(soon.pk, REMINDER_DAY)]


def test_the_hour_reminder_is_due_within_the_hour_and_replaces_the_day_one():
    registration = registration_starting_in(datetime.timedelta(minutes=45))
    backdate(registration)
    assert due_reminders() == [(registration.pk, REMINDER_HOUR)]


def test_people_who_registered_within_the_last_day_get_no_day_reminder():
    registration = registration_starting_in(datetime.timedelta(hours=20))
    assert due_reminders() == []
    assert registration.pk


@pytest.mark.parametrize(
    "fields",
    [
        {"status": RegistrationStatus.WAITLISTED},
        {"status": RegistrationStatus.CANCELLED},
    ],
)
def test_only_confirmed_registrations_are_reminded(fields):
    registration = registration_starting_in(datetime.timedelta(minutes=30), **fields)
    backdate(registration)
    assert due_reminders() == []


def test_cancelled_events_are_not_reminded():
    registration = registration_starting_in(datetime.timedelta(minutes=30))
    type(registration.event).objects.filter(pk=registration.event_id).update(
        status=EventStatus.CANCELLED
    )
    assert due_reminders() == []


def test_a_reminder_is_sent_once_even_if_the_task_runs_twice():
    registration = registration_starting_in(datetime.timedelta(hours=20))
    send_reminder.call(registration.pk, REMINDER_DAY)
    send_reminder.call(registration.pk, REMINDER_DAY)
    assert len(mail.outbox) == 1
    assert "Morgen" in mail.outbox[0].subject
    registration.refresh_from_db()
    assert registration.reminder_day_sent_at is not None
    # The hour reminder is separate.
    send_reminder.call(registration.pk, REMINDER_HOUR)
    assert len(mail.outbox) == 2
    assert "In einer Stunde" in mail.outbox[1].subject


def test_claiming_is_a_conditional_update_only_one_caller_wins():
    registration = registration_starting_in(datetime.timedelta(hours=20))
    assert claim_reminder(registration.pk, REMINDER_DAY) is True
    assert claim_reminder(registration.pk, REMINDER_DAY) is False


def test_a_failed_send_releases_the_claim(monkeypatch):
    registration = registration_starting_in(datetime.timedelta(hours=20))

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("ikone.core.mail.send", broken)
    with pytest.raises(OSError, match="mail server down"):
        send_reminder.call(registration.pk, REMINDER_DAY)
    registration.refresh_from_db()
    assert registration.reminder_day_sent_at is None


def test_enqueueing_twice_sends_each_reminder_once():
    day = registration_starting_in(datetime.timedelta(hours=20))
    hour = registration_starting_in(datetime.timedelta(minutes=30))
    backdate(day)
    backdate(hour)
    assert enqueue_due_reminders() == 2
    assert enqueue_due_reminders() == 0
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [day.person.email, hour.person.email]
    )


def test_the_management_command_enqueues_due_reminders():
    registration = registration_starting_in(datetime.timedelta(minutes=30))
    out = StringIO()
    call_command("send_event_reminders", stdout=out)
    assert "1 Erinnerung" in out.getvalue()
    assert mail.outbox[0].to == [registration.person.email]
