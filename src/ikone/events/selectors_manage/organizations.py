"""The events an organisation attended, for its public page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from ikone.accounts.models import Organization
from ikone.events.models import Event, EventStatus

# --- Organisation page -------------------------------------------------------------


@dataclass(frozen=True)
class AttendedEvent:
    event: Event
    people: int


def event_list_attended_by(*, organization: Organization) -> list[AttendedEvent]:
    """Published (or later cancelled) events that people of the
    organisation attended, newest first, with how many of them came."""
    events = (
        Event.objects.exclude(status=EventStatus.DRAFT)
        .filter(
            registrations__organization=organization,
            registrations__attended_at__isnull=False,
        )
        .annotate(attended_people=Count("registrations", distinct=True))
        .order_by("-starts_at")
    )
    return [AttendedEvent(event=event, people=event.attended_people) for event in events]
