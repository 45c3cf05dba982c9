"""The daily digest: built and sent by a background task exactly once per
person and day, carrying what the person chose to receive once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail as outbox
from django.core.management import call_command

from ikone.notifications.models import Delivery, Digest, Notification
from ikone.notifications.tasks import send_daily_digests
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

DAY = "2026-03-02"


def waiting(user, subject, delivery=Delivery.DIGEST):
    return Notification.objects.create(
        user=user, kind="qa.new_answer", subject=subject, url="/fragen/7/", delivery=delivery
    )


def test_the_task_run_twice_sends_one_digest_per_person_and_day():
    person = UserFactory(email="gesammelt@example.org")
    waiting(person, "Neue Antwort: Erste Frage")
    waiting(person, "Neue Antwort: Zweite Frage")
    waiting(person, "Sofort gesendet", delivery=Delivery.IMMEDIATE)

    assert send_daily_digests.call(DAY) == 1
    # A notification that arrives after the digest waits for the next day.
    waiting(person, "Neue Antwort: Dritte Frage")
    assert send_daily_digests.call(DAY) == 0

    assert len(outbox.outbox) == 1
    message = outbox.outbox[0]
    assert message.to == ["gesammelt@example.org"]
    assert message.subject == "[IKONE] Ihre Zusammenfassung: 2 Benachrichtigungen"
    assert "- Neue Antwort: Erste Frage" in message.body
    assert "http://localhost:8000/fragen/7/" in message.body or "/fragen/7/" in message.body
    assert "Sofort gesendet" not in message.body
    assert Digest.objects.get(user=person, day=dt.date(2026, 3, 2)).count == 2
    # The digest itself is not kept again in the centre.
    assert Notification.objects.filter(user=person).count() == 4

    assert send_daily_digests.call("2026-03-03") == 1
    assert "Dritte Frage" in outbox.outbox[1].body


def test_nothing_waiting_nothing_sent_and_the_command_enqueues_the_task():
    person = UserFactory(email="nichts@example.org")
    waiting(person, "Aus", delivery=Delivery.OFF)
    call_command("send_notification_digests")
    assert outbox.outbox == []
    assert not Digest.objects.exists()


def test_a_failed_send_leaves_the_day_unclaimed(monkeypatch):
    from ikone.notifications import digest

    person = UserFactory(email="fehler@example.org")
    waiting(person, "Neue Antwort")

    def broken(mail):
        raise OSError("mail server down")

    monkeypatch.setattr(digest.mail, "send", broken)
    with pytest.raises(OSError):
        send_daily_digests.call(DAY)
    assert not Digest.objects.exists()
    assert Notification.objects.get(user=person).digested_at is None
