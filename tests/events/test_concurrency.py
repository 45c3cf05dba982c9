"""Two people asking for the last seat at the same moment: one gets it,
the other lands on the waiting list. Real threads with their own database
connections need PostgreSQL (row locks); the deterministic version of the
rule runs on every database in test_registration.py."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from ikone.core.audit import Actor
from ikone.events.models import RegistrationStatus
from ikone.events.services.registration import register_self
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_seat_never_overbook():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers without row locks")
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(4)
    start = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def register(person) -> None:
        try:
            start.wait(timeout=10)
            register_self(event=event, actor=Actor(user=person))
        except BaseException as error:  # noqa: BLE001  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors
    statuses = sorted(event.registrations.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 1
    assert statuses.count(RegistrationStatus.WAITLISTED) == 3
