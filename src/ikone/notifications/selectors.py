"""Reads of the notification centre: a person's notifications, grouped by
day, the unread count for the header badge, and the person's choices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ikone.core import notifications as kinds
from ikone.core.datetimes import berlin_date
from ikone.core.notifications import NotificationKind
from ikone.notifications.models import Delivery, Notification, Preference
from ikone.notifications.notifications import DIGEST

PAGE_SIZE = 50


@dataclass
class DayGroup:
    day: dt.date
    notifications: list[Notification] = field(default_factory=list)


@dataclass(frozen=True)
class NotificationPage:
    number: int
    groups: list[DayGroup]
    has_previous: bool
    has_next: bool


def unread_count(*, user_id: int) -> int:
    """How many of the person's notifications are unread (one query)."""
    return Notification.objects.filter(user_id=user_id, read_at__isnull=True).count()


def notification_page(
    *, user_id: int, number: int = 1, unread_only: bool = False
) -> NotificationPage:
    """Page `number` of the person's notifications, newest first, grouped by
    day (Europe/Berlin); one query, without counting the whole list."""
    rows = Notification.objects.filter(user_id=user_id)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    offset = (number - 1) * PAGE_SIZE
    chunk = list(rows.order_by("-created_at", "-pk")[offset : offset + PAGE_SIZE + 1])
    groups: list[DayGroup] = []
    for notification in chunk[:PAGE_SIZE]:
        day = berlin_date(notification.created_at)
        if not groups or groups[-1].day != day:
            groups.append(DayGroup(day))
        groups[-1].notifications.append(notification)
    return NotificationPage(
        number=number, groups=groups, has_previous=number > 1, has_next=len(chunk) > PAGE_SIZE
    )


def settable_kinds() -> list[NotificationKind]:
    """Every kind a person sees in the settings (all but the digest)."""
    return [kind for kind in kinds.all_kinds() if kind.key != DIGEST]


def preferences_of(*, user_id: int) -> dict[str, str]:
    """The person's chosen delivery per kind; unset kinds are immediate."""
    chosen = dict(Preference.objects.filter(user_id=user_id).values_list("kind", "delivery"))
    return {kind.key: chosen.get(kind.key, Delivery.IMMEDIATE) for kind in settable_kinds()}
