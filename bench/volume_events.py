"""Events, their series and registrations for the benchmark (a step of
bench/generate.py's VOLUME_STEPS).
"""

from __future__ import annotations

import random
from datetime import timedelta

from common import BATCH, Context

EVENTS = 500
EVENT_REGISTRATIONS = 25_000
PAST_EVENTS = 400  # the others lie ahead, within about half a year
# The event the benchmark opens (upcoming, with about 50 registrations,
# the benchmark Ansprechperson among them).
BENCH_EVENT_SLUG = "bench-workshop-0420"
EVENT_TOPICS = [
    "Förderantrag Schritt für Schritt", "Finanzierungsplan und Eigenanteil",
    "Digitale Beteiligung", "Urbane Datenplattform", "Open Source in Kommunen",
    "Sensorik und LoRaWAN", "Ratsbeschluss vorbereiten", "Kooperationen bilden",
]  # fmt: skip


def add_events(rng: random.Random, context: Context) -> None:
    """EVENTS events (PAST_EVENTS past ones over four years, the others in
    the coming months) in five series, with EVENT_REGISTRATIONS
    registrations: mostly confirmed, some cancelled, a waiting list where
    an event is full, attendance at past events."""
    from django.utils import timezone

    from ikone.core.models import FieldOfAction
    from ikone.events.models import (
        Event,
        EventFormat,
        EventSeries,
        EventStatus,
        Registration,
        RegistrationStatus,
    )

    series = [
        EventSeries.objects.create(title=f"Bench-Reihe {number}", slug=f"bench-reihe-{number}")
        for number in range(1, 6)
    ]
    fields = list(FieldOfAction.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    formats = [EventFormat.ONLINE] * 3 + [EventFormat.ONSITE, EventFormat.HYBRID]
    events = []
    for number in range(EVENTS):
        if number < PAST_EVENTS:
            starts = now - timedelta(days=4 * 365) + timedelta(hours=87 * number)
        else:
            starts = now + timedelta(days=2 + 2 * (number - PAST_EVENTS))
        events.append(
            Event(
                title=f"Workshop {rng.choice(EVENT_TOPICS)} ({number + 1})",
                slug=f"bench-workshop-{number:04d}",
                summary="Ein Workshop des Netzwerks zur Vorbereitung von Bewerbungen.",
                description="<p>Wir arbeiten gemeinsam an <strong>Bewerbungen</strong>.</p>",
                format=rng.choice(formats),
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place="Rathaus, Sitzungssaal",
                meeting_url="https://meet.example.org/bench",
                capacity=rng.choice([None, 30, 50, 80]),
                series=rng.choice(series),
                status=EventStatus.CANCELLED if rng.random() < 0.03 else EventStatus.PUBLISHED,
            )
        )
    events = Event.objects.bulk_create(events, batch_size=BATCH)
    in_field = Event.fields_of_action.through
    in_field.objects.bulk_create(
        [
            in_field(event_id=event.pk, fieldofaction_id=field.pk)
            for event in events
            for field in rng.sample(fields, 2)
        ],
        batch_size=BATCH,
    )
    people = context.user_ids
    organizations = context.organization_ids
    per_event = EVENT_REGISTRATIONS // EVENTS
    registrations = []
    for event in events:
        chosen = rng.sample(range(1, len(people)), per_event)
        if event.slug == BENCH_EVENT_SLUG:
            chosen[0] = 0  # the benchmark Ansprechperson
        confirmed = 0
        for index in chosen:
            if rng.random() < 0.08:
                status = RegistrationStatus.CANCELLED
            elif event.capacity is not None and confirmed >= event.capacity:
                status = RegistrationStatus.WAITLISTED
            else:
                status = RegistrationStatus.CONFIRMED
                confirmed += 1
            past = event.starts_at < now
            registrations.append(
                Registration(
                    event=event,
                    person_id=people[index],
                    organization_id=organizations[index % len(organizations)],
                    status=status,
                    confirmed_at=event.starts_at - timedelta(days=7)
                    if status == RegistrationStatus.CONFIRMED
                    else None,
                    waitlisted_at=event.starts_at - timedelta(days=3)
                    if status == RegistrationStatus.WAITLISTED
                    else None,
                    attended_at=event.starts_at
                    if past and status == RegistrationStatus.CONFIRMED and rng.random() < 0.8
                    else None,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    context.counts["events"] = len(events)
    context.counts["event_registrations"] = len(registrations)
