from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet

from ikone.core.datetimes import berlin_datetime
from ikone.core.models import AuditEntry


def _start_of(day: date) -> datetime:
    return berlin_datetime(day)


def audit_entry_list(
    *,
    action: str = "",
    person: str = "",
    target: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries, newest first, narrowed by the given filters.

    `action` matches an action id or its beginning (`accounts.invitation`
    finds every invitation action); `person` matches the e-mail address kept
    in the entry (also after the account was deleted) or the person's name;
    `since` and `until` are whole days in the platform's time zone, both
    included. The entries' own fields are all the list shows, so a page
    costs one query however many entries there are.
    """
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action__startswith=action)
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


@dataclass(frozen=True)
class EntryPage:
    """One page of a long list, without counting the whole list (a count
    over years of entries costs more than the page itself)."""

    number: int
    entries: list[AuditEntry]
    has_previous: bool
    has_next: bool

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def audit_entry_page(entries: QuerySet[AuditEntry], *, number: int, size: int) -> EntryPage:
    """Page `number` (from 1) of `entries`, in one query."""
    offset = (number - 1) * size
    rows = list(entries[offset : offset + size + 1])
    return EntryPage(
        number=number, entries=rows[:size], has_previous=number > 1, has_next=len(rows) > size
    )
