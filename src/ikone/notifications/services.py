"""Writes of the notification centre: marking read and the person's
delivery choices. Each takes the acting person; nobody touches another
person's notifications."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ikone.core import notifications as kinds
from ikone.core.exceptions import DomainError
from ikone.core.services import Actor, require_user
from ikone.notifications.models import Delivery, Notification, Preference


class MandatoryKindError(DomainError):
    """A mandatory kind cannot be delayed or switched off."""


def notification_mark_read(*, actor: Actor, notification_id: int) -> Notification:
    """Mark one of the actor's own notifications as read; raises
    Notification.DoesNotExist for anyone else's (the view answers 404)."""
    user = require_user(actor)
    notification = Notification.objects.get(pk=notification_id, user_id=user.pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, actor: Actor) -> int:
    """Mark every unread notification of the actor as read; returns how many."""
    user = require_user(actor)
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_save(*, actor: Actor, choices: dict[str, str]) -> None:
    """Store the actor's delivery per kind. Immediate delivery needs no row.
    Raises MandatoryKindError for a mandatory kind set to anything but immediate,
    LookupError for an unknown kind, ValueError for an unknown delivery."""
    user = require_user(actor)
    for key, delivery in choices.items():
        kind = kinds.get(key)
        if delivery not in Delivery.values:
            raise ValueError(delivery)
        if kind.mandatory and delivery != Delivery.IMMEDIATE:
            raise MandatoryKindError(key)
        if delivery == Delivery.IMMEDIATE:
            Preference.objects.filter(user_id=user.pk, kind=key).delete()
        else:
            Preference.objects.update_or_create(
                user_id=user.pk, kind=key, defaults={"delivery": delivery}
            )
