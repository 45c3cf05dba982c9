"""Demo notifications: a few messages in the centres of the demo accounts,
read and unread, and one person who receives a kind as a daily digest, so
the centre, the badge and the settings can be tried at once.

The texts are in `demo/notifications.yaml` (see docs/demo.md). Idempotent:
a person's notification with the same subject is not created again.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ikone.accounts.models import User
from ikone.core import notifications as kinds
from ikone.core.demo_data import Prose, load_records
from ikone.core.seeding import Writer
from ikone.notifications.models import Delivery, Notification, Preference

NOTIFICATIONS_FILE = Path(__file__).resolve().parent / "demo" / "notifications.yaml"


@dataclass(frozen=True)
class DemoNotification:
    email: str
    kind: str
    subject: str
    body: Prose
    url: str = ""
    hours_ago: int = 1
    read: bool = False
    delivery: Delivery = Delivery.IMMEDIATE


@dataclass(frozen=True)
class DemoPreference:
    email: str
    kind: str
    delivery: Delivery


@functools.cache
def demo_notifications() -> tuple[DemoNotification, ...]:
    """The notifications of `demo/notifications.yaml`; raises DemoDataError."""
    return load_records(NOTIFICATIONS_FILE, DemoNotification, key="notifications")


@functools.cache
def demo_preferences() -> tuple[DemoPreference, ...]:
    """The preferences of `demo/notifications.yaml`; raises DemoDataError."""
    return load_records(NOTIFICATIONS_FILE, DemoPreference, key="preferences")


@transaction.atomic
def seed_demo_notifications(*, stdout: Writer | None = None) -> None:
    """Create the demo notifications and preferences that are missing."""
    now = timezone.now()
    entries = demo_notifications()
    people = {
        user.email: user for user in User.objects.filter(email__in={e.email for e in entries})
    }
    for entry in entries:
        kinds.get(entry.kind)
        user = people.get(entry.email)
        if user is None or Notification.objects.filter(user=user, subject=entry.subject).exists():
            continue
        created = now - dt.timedelta(hours=entry.hours_ago)
        Notification.objects.create(
            user=user,
            kind=entry.kind,
            subject=entry.subject,
            body=entry.body,
            url=entry.url,
            delivery=entry.delivery,
            created_at=created,
            read_at=created if entry.read else None,
        )
    for preference in demo_preferences():
        user = User.objects.filter(email=preference.email).first()
        if user is not None and not kinds.get(preference.kind).mandatory:
            Preference.objects.get_or_create(
                user=user, kind=preference.kind, defaults={"delivery": preference.delivery}
            )
    if stdout is not None:
        stdout.write(f"Notifications: {Notification.objects.count()} in the centres.")
