"""Background work of the notification centre (Django Tasks API)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from ikone.core.datetimes import berlin_date
from ikone.notifications.digest import digest_send, users_with_pending_digest


@task()
def send_daily_digests(day: str = "") -> int:
    """Send every due daily digest for `day` (ISO date, default today in
    Europe/Berlin); returns how many went out. Safe to run any number of
    times: each person gets at most one digest per day."""
    when = dt.date.fromisoformat(day) if day else berlin_date()
    return sum(
        1 for user_id in users_with_pending_digest() if digest_send(user_id=user_id, day=when)
    )
