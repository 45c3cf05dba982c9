"""Deadline reminders: four weeks, one week and one day before the call's
deadline, to the people of an organisation whose draft is not ready,
listing what is missing; exactly once per draft and stage."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.utils import timezone

from ikone.applications.deadline_reminders import (
    due_deadline_reminders,
    enqueue_due_deadline_reminders,
    send_deadline_reminder,
    stage_for,
)
from ikone.applications.models import DeadlineReminder, Draft, DraftStatus
from ikone.notifications.models import Notification
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [(40, None), (28, 28), (20, 28), (7, 7), (5, 7), (1, 1), (0, 1), (-1, None)],
)
def test_the_stage_due_for_the_days_left(days_left, stage):
    assert stage_for(days_left) == stage


@pytest.fixture
def draft():
    organization = OrganizationFactory(name="Frist-Stadt")
    for email in ("eins@frist.example", "zwei@frist.example"):
        MembershipFactory(user=UserFactory(email=email), organization=organization)
    call = make_call("frist", deadline=timezone.now() + dt.timedelta(days=6, hours=12))
    return Draft.objects.create(organization=organization, call=call, title="Frist-Entwurf")


def test_a_reminder_goes_out_once_with_what_is_missing(draft):
    assert due_deadline_reminders() == [(draft.pk, 7)]
    assert enqueue_due_deadline_reminders() == 1
    assert enqueue_due_deadline_reminders() == 0
    assert send_deadline_reminder.call(draft.pk, 7) is False  # already claimed

    assert sorted(m.to[0] for m in outbox.outbox) == ["eins@frist.example", "zwei@frist.example"]
    message = outbox.outbox[0]
    assert "Frist-Entwurf" in message.subject and "bis zur Frist" in message.subject
    assert "Es fehlt noch:" in message.body and "\n- " in message.body
    assert DeadlineReminder.objects.filter(draft=draft, days_before=7).count() == 1
    assert Notification.objects.filter(kind="applications.deadline_reminder").count() == 2


def test_submitted_ready_or_example_drafts_get_none(draft):
    Draft.objects.filter(pk=draft.pk).update(status=DraftStatus.SUBMITTED)
    assert due_deadline_reminders() == []
    Draft.objects.filter(pk=draft.pk).update(status=DraftStatus.DRAFT, is_example=True)
    assert due_deadline_reminders() == []


def test_the_command_enqueues_what_is_due(draft):
    call_command("send_deadline_reminders")
    assert len(outbox.outbox) == 2
