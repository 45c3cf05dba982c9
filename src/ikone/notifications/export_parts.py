"""Notifications' part of the personal data export (ikone.core.personal_data):
the messages sent to the person, their settings and digests."""

from __future__ import annotations

from typing import Any

from ikone.core.personal_data import ExportPart, register, when
from ikone.notifications.models import Digest, Notification, Preference


def _notifications(user: Any) -> dict[str, Any]:
    return {
        "messages": [
            {
                "kind": row.kind,
                "subject": row.subject,
                "created_at": when(row.created_at),
                "read_at": when(row.read_at),
            }
            for row in Notification.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "settings": dict(
            Preference.objects.filter(user=user).order_by("kind").values_list("kind", "delivery")
        ),
        "digests": [
            {"day": when(row.day), "count": row.count, "sent_at": when(row.sent_at)}
            for row in Digest.objects.filter(user=user).order_by("day")
        ],
    }


def register_parts() -> None:
    register(
        ExportPart(
            "notifications",
            _notifications,
            covers=(
                "notifications.Notification.user",
                "notifications.Preference.user",
                "notifications.Digest.user",
            ),
        )
    )
