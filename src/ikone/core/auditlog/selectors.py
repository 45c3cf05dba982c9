from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from ikone.core.models import AuditEntry


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_entry_list(
    *,
    action: str = "",
    person: str = "",
    target: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries, newest first, narrowed by the given filters.

    `person` matches the e-mail address kept in the entry (also after the
    account was deleted) or the person's name; `since` and `until` are whole
    days in the platform's time zone, both included. The entries' own fields
    are all the list shows, so a page costs one query however many entries
    it has.
    """
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action=action)
    if person:
        entries = entries.filter(
            Q(actor_label__icontains=person) | Q(actor__name__icontains=person)
        )
    if target:
        entries = entries.filter(target_label__icontains=target)
    if since:
        entries = entries.filter(created_at__gte=_start_of(since))
    if until:
        entries = entries.filter(created_at__lt=_start_of(until + timedelta(days=1)))
    return entries.order_by("-created_at", "-pk")


def audit_action_list() -> list[str]:
    """Every action id that occurs in the log, for the filter's choices."""
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())
