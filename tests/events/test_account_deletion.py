"""Deleting an account frees its seats through the normal cancellation:
the waiting list moves up and the person moving up is told (issue 11.7)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ikone.accounts import services
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.events.models import Registration, RegistrationStatus
from ikone.events.services.registration import register_self
from tests.accounts.factories import UserFactory
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def _full_event_with_waiting_person(event):
    leaving, seated, waiting = UserFactory.create_batch(3)
    register_self(event=event, actor=Actor(user=leaving))
    register_self(event=event, actor=Actor(user=seated))
    waiting_registration = register_self(event=event, actor=Actor(user=waiting))
    assert waiting_registration.status == RegistrationStatus.WAITLISTED
    mail.outbox.clear()
    return leaving, waiting, waiting_registration


def test_deleting_ones_account_moves_the_waiting_list_up_and_tells_the_person(event):
    leaving, waiting, waiting_registration = _full_event_with_waiting_person(event)

    services.user_delete(user=leaving, actor=Actor(user=leaving))

    waiting_registration.refresh_from_db()
    assert waiting_registration.status == RegistrationStatus.CONFIRMED
    [message] = mail.outbox
    assert message.to == [waiting.email]
    assert "nachgerückt" in message.subject
    assert AuditEntry.objects.filter(action="events.registration.cancelled").count() == 1
    assert AuditEntry.objects.filter(action="events.registration.moved_up").count() == 1
    assert not Registration.objects.filter(person_id=leaving.pk).exists()


def test_an_operator_deleting_the_account_in_the_admin_frees_the_seat(event, admin):
    leaving, waiting, waiting_registration = _full_event_with_waiting_person(event)
    client = Client()
    sign_in(client, admin)

    response = client.post(f"/admin/accounts/user/{leaving.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    waiting_registration.refresh_from_db()
    assert waiting_registration.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_past_registrations_are_not_cancelled(person):
    past = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    Registration.objects.create(event=past, person=person, status=RegistrationStatus.CONFIRMED)

    services.user_delete(user=person, actor=Actor(user=person))

    assert not AuditEntry.objects.filter(action="events.registration.cancelled").exists()
