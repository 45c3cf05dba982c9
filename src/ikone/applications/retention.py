"""The application workshop's retention rule (`core.retention`): drafts
that were never submitted are deleted some time after their call closed.
Submitted drafts and their outcomes stay: the network learns from them.
Registered in `ApplicationsConfig.ready()`. Uploaded files of deleted
drafts are removed by `ikone remove_orphaned_files`."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from ikone.applications.models import Draft, DraftStatus
from ikone.core.retention import RetentionRule


def delete_unsubmitted_drafts(cutoff: dt.datetime) -> int:
    """Delete drafts never submitted whose call's deadline passed before the
    cutoff (the platform's example drafts stay)."""
    expired = Draft.objects.filter(
        status__in=(DraftStatus.DRAFT, DraftStatus.IN_REVIEW),
        call__deadline__lt=cutoff,
        is_example=False,
    )
    count = expired.count()
    expired.delete()
    return count


RULES = (
    RetentionRule(
        "applications.unsubmitted_drafts",
        _("Nicht eingereichte Bewerbungsentwürfe abgeschlossener Aufrufe"),
        _("Werden nach Ablauf der Frist ab der Einreichungsfrist des Aufrufs gelöscht."),
        "ikone.applications.retention.delete_unsubmitted_drafts",
        default_days=365,
        minimum_days=30,
        position=30,
    ),
)
