"""The notification centre's retention rule (`core.retention`).
Registered in `NotificationsConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from ikone.core.retention import RetentionRule
from ikone.notifications.models import Digest, Notification


def delete_notifications(cutoff: dt.datetime) -> int:
    """Delete notifications (and digest records) older than the cutoff."""
    deleted, _by_model = Notification.objects.filter(created_at__lt=cutoff).delete()
    Digest.objects.filter(sent_at__lt=cutoff).delete()
    return deleted


RULES = (
    RetentionRule(
        "notifications.notifications",
        _("Benachrichtigungen"),
        _("Werden nach Ablauf der Frist ab ihrem Eingang gelöscht, gelesen oder nicht."),
        "ikone.notifications.retention.delete_notifications",
        default_days=180,
        minimum_days=7,
        position=80,
    ),
)
