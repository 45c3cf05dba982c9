"""Demo content for the coordinators' side of events, run at the end of
`events.demo.seed_demo_events` (idempotent: a second run changes nothing).

- The 2nd virtual workshop of 12 January 2021 gets a public "Protokoll
  (Zusammenfassung)" as PDF: only what the press release reports, and it
  says so.
- One invented past workshop, clearly named "Beispiel", shows the follow-up:
  registrations with attendance (demo participants and the demo staff
  member of Kaiserslautern), participants-only slides, a recording link for
  network members, and feedback from participants (also labelled
  "Beispiel"). Mentors may help run it, so the demo mentor logins see the
  management pages too.

The texts are in `demo/followup.yaml` (see docs/demo.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape

from ikone.accounts.models import Membership, User
from ikone.core.datetimes import berlin_date, berlin_datetime
from ikone.core.demo_data import Prose, load_yaml, markdown_html, record
from ikone.events.models import (
    Event,
    EventFormat,
    EventStatus,
    FeedbackResponse,
    Material,
    MaterialKind,
    MaterialVisibility,
    Registration,
    RegistrationStatus,
)

FOLLOWUP_FILE = Path(__file__).resolve().parent / "demo" / "followup.yaml"
WORKSHOP_2021_SLUG = "2-virtueller-workshop-smart-city-2021-01-12"
# The title and slug by which a second run finds what the first created.
MINUTES_TITLE = "Protokoll (Zusammenfassung nach der Pressemitteilung)"
PAST_EXAMPLE_SLUG = "beispiel-workshop-foerderkriterien-rueckblick"
DEMO_STAFF_EMAIL = "mitarbeit.kaiserslautern@ikone.example"
PAST_EXAMPLE_PARTICIPANTS = 12
PAST_EXAMPLE_ATTENDED = 9


@dataclass(frozen=True)
class DemoMinutes:
    heading: str
    paragraphs: tuple[Prose, ...]


@dataclass(frozen=True)
class DemoFeedback:
    rating: int
    comment: Prose = ""


@dataclass(frozen=True)
class DemoMaterial:
    kind: MaterialKind
    title: str
    url: str
    visibility: MaterialVisibility


@dataclass(frozen=True)
class DemoPastExample:
    title: str
    summary: Prose
    description: str  # Markdown
    days_ago: int
    hour: int
    hours: float
    meeting_url: str
    capacity: int
    feedback: tuple[DemoFeedback, ...]
    materials: tuple[DemoMaterial, ...]


@dataclass(frozen=True)
class DemoFollowup:
    minutes: DemoMinutes
    past_example: DemoPastExample


@functools.cache
def demo_followup() -> DemoFollowup:
    """The content of `demo/followup.yaml`; raises DemoDataError."""
    return record(DemoFollowup, load_yaml(FOLLOWUP_FILE), path=FOLLOWUP_FILE)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> object:
        return None


def _minutes_pdf(minutes: DemoMinutes) -> bytes:
    """The summary as a small PDF (WeasyPrint, fonts of the system)."""
    from weasyprint import HTML

    body = "".join(f"<p>{escape(text)}</p>" for text in minutes.paragraphs)
    html = (
        '<html lang="de"><head><meta charset="utf-8"><title>Protokoll</title>'
        "<style>body{font-family:sans-serif;font-size:11pt;line-height:1.4}"
        "h1{font-size:16pt}</style></head><body>"
        f"<h1>{escape(minutes.heading)}</h1>"
        f"{body}</body></html>"
    )
    return HTML(string=html).write_pdf()


def _minutes(workshop: Event, minutes: DemoMinutes) -> bool:
    if Material.objects.filter(event=workshop, title=MINUTES_TITLE).exists():
        return False
    material = Material(
        event=workshop,
        kind=MaterialKind.MINUTES,
        title=MINUTES_TITLE,
        visibility=MaterialVisibility.PUBLIC,
    )
    material.file.save("protokoll-2021-01-12.pdf", ContentFile(_minutes_pdf(minutes)), save=False)
    material.save()
    return True


def _past_example(template: Event, demo: DemoPastExample) -> Event:
    """An invented workshop some weeks ago (not in the real series)."""
    existing = Event.objects.filter(slug=PAST_EXAMPLE_SLUG).first()
    if existing is not None:
        return existing
    day = berlin_date() - dt.timedelta(days=demo.days_ago)
    starts = berlin_datetime(day, dt.time(demo.hour))
    event = Event.objects.create(
        slug=PAST_EXAMPLE_SLUG,
        title=demo.title,
        summary=demo.summary,
        description=markdown_html(demo.description),
        format=EventFormat.ONLINE,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=demo.hours),
        meeting_url=demo.meeting_url,
        capacity=demo.capacity,
        call=template.call,
        status=EventStatus.PUBLISHED,
        allow_mentors_to_edit=True,
    )
    event.fields_of_action.set(template.fields_of_action.all())
    return event


def _register(event: Event, person: User, *, attended: bool) -> Registration:
    membership = Membership.objects.filter(user=person).select_related("organization").first()
    registration, _created = Registration.objects.get_or_create(
        event=event,
        person=person,
        defaults={
            "organization": membership.organization if membership else None,
            "status": RegistrationStatus.CONFIRMED,
            "confirmed_at": event.starts_at - dt.timedelta(days=5),
            "attended_at": event.starts_at + dt.timedelta(minutes=3) if attended else None,
        },
    )
    return registration


def _example_followup(example: Event, workshop: Event, demo: DemoPastExample) -> None:
    people = [
        registration.person
        for registration in workshop.registrations.select_related("person").order_by("pk")[
            :PAST_EXAMPLE_PARTICIPANTS
        ]
    ]
    for number, person in enumerate(people):
        _register(example, person, attended=number < PAST_EXAMPLE_ATTENDED)
    staff = User.objects.filter(email=DEMO_STAFF_EMAIL).first()
    if staff is not None:
        _register(example, staff, attended=True)
    for feedback, person in zip(demo.feedback, people, strict=False):
        FeedbackResponse.objects.get_or_create(
            event=example,
            person=person,
            defaults={"rating": feedback.rating, "comment": feedback.comment},
        )
    if not Material.objects.filter(event=example).exists():
        for material in demo.materials:
            Material.objects.create(
                event=example,
                kind=material.kind,
                title=material.title,
                url=material.url,
                visibility=material.visibility,
            )


@transaction.atomic
def seed_demo_event_followup(*, stdout: Writer | None = None) -> None:
    """Materials, attendance and feedback for the demo events (see the
    module docstring). Needs the events of `seed_demo_events`."""
    out = stdout or _Silent()
    workshop = Event.objects.filter(slug=WORKSHOP_2021_SLUG).first()
    if workshop is None:
        out.write("Kein Workshop vom 12. Januar 2021 gefunden; Nachbereitung übersprungen.\n")
        return
    content = demo_followup()
    added = _minutes(workshop, content.minutes)
    example = _past_example(workshop, content.past_example)
    _example_followup(example, workshop, content.past_example)
    out.write(
        "Nachbereitung bereit: "
        + ("Protokoll des Workshops vom 12. Januar 2021 angelegt, " if added else "")
        + f"„{example.title}“ mit {example.registrations.count()} Anmeldungen und "
        f"{example.feedback.count()} Rückmeldungen.\n"
    )
