"""Demo content for the coordinators' side of events, run at the end of
`events.demo.seed_demo_events` (idempotent: a second run changes nothing).

- The 2nd virtual workshop of 12 January 2021 gets a public "Protokoll
  (Zusammenfassung)" as PDF. Its text is only what the press release
  "IKONE-Workshop zur Bewerbung als Smart City ein voller Erfolg"
  (KL.digital GmbH, January 2021; see `data/SOURCE.md`) reports, and it says
  so: it is a summary, not the minutes of the day.
- One invented past workshop, clearly named "Beispiel", shows the follow-up:
  registrations with attendance (demo participants and the demo staff
  member of Kaiserslautern), participants-only slides, a recording link for
  network members, and feedback from participants (also labelled
  "Beispiel"). Mentors may help run it, so the demo mentor logins see the
  management pages too.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from ikone.accounts.models import Membership, User
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

WORKSHOP_2021_SLUG = "2-virtueller-workshop-smart-city-2021-01-12"
MINUTES_TITLE = "Protokoll (Zusammenfassung nach der Pressemitteilung)"
PAST_EXAMPLE_SLUG = "beispiel-workshop-foerderkriterien-rueckblick"
DEMO_STAFF_EMAIL = "mitarbeit.kaiserslautern@ikone.example"
PAST_EXAMPLE_PARTICIPANTS = 12
PAST_EXAMPLE_ATTENDED = 9

# Invented, and labelled as such on every entry.
EXAMPLE_FEEDBACK = (
    (5, "Beispiel-Rückmeldung: Die Beispiele aus Kaiserslautern haben sehr geholfen."),
    (4, "Beispiel-Rückmeldung: Gut, aber etwas mehr Zeit für Fragen wäre schön."),
    (4, ""),
    (3, "Beispiel-Rückmeldung: Für uns als kleine Gemeinde teils zu allgemein."),
    (5, ""),
)

# Facts of the press release, paraphrased; nothing else.
MINUTES_PARAGRAPHS = (
    "Zusammenfassung nach der Pressemitteilung der KL.digital GmbH „IKONE-Workshop zur "
    "Bewerbung als Smart City ein voller Erfolg“ (Januar 2021). Kein Wortprotokoll.",
    "Am 12. Januar 2021 fand der 2. virtuelle Workshop zur Bewerbung als Smart City im "
    "Rahmen des Interkommunalen Netzwerks Digitale Stadt (IKONE DS) statt. Über 40 "
    "Verwaltungen aus Rheinland-Pfalz nahmen online teil.",
    "Thema war der Aufruf 2021 der Modellprojekte Smart Cities, „Gemeinsam aus der Krise: "
    "Raum für Zukunft“. Die erfolgreichen Macher der ersten beiden Wettbewerbsrunden gaben "
    "ihr Wissen weiter: Prof. Gerhard Steinebach (Chief Urban Officer der Stadt "
    "Kaiserslautern), Dr. Martin Verlage (Geschäftsführer der KL.digital GmbH), "
    "Dr. Andreas Mayer (ITOB GmbH) und Steffen Hess (Projektleiter Digitale Dörfer, "
    "Fraunhofer IESE).",
    "Kernaussagen: Die Konzepte sollen auf die vom Bund definierte inhaltliche Ausrichtung "
    "abgestimmt sein, ohne den eigenen Charakter aus den Augen zu verlieren. Lokale Prägung "
    "muss erkennbar sein, die Ansätze und Lösungen sollten aber auf möglichst viele Kommunen "
    "übertragbar sein. Die Zeit bis zum Bewerbungsschluss am 14. März ist eng; Fragen früh "
    "zu klären und Interpretationshilfen zu geben, ist eine wesentliche Aufgabe des "
    "Netzwerks in dieser Phase.",
    "Nichtmitglieder erhalten dieselbe Unterstützung wie Mitglieder des Netzwerks. "
    "Interessierte Kommunen erreichen das Netzwerk unter info@ikone-ds.de.",
)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> object:
        return None


def _minutes_pdf() -> bytes:
    """The summary as a small PDF (WeasyPrint, fonts of the system)."""
    from weasyprint import HTML

    body = "".join(f"<p>{escape(text)}</p>" for text in MINUTES_PARAGRAPHS)
    html = (
        '<html lang="de"><head><meta charset="utf-8"><title>Protokoll</title>'
        "<style>body{font-family:sans-serif;font-size:11pt;line-height:1.4}"
        "h1{font-size:16pt}</style></head><body>"
        "<h1>2. virtueller Workshop zur Bewerbung als Smart City, 12. Januar 2021</h1>"
        f"{body}</body></html>"
    )
    return HTML(string=html).write_pdf()


def _minutes(workshop: Event) -> bool:
    if Material.objects.filter(event=workshop, title=MINUTES_TITLE).exists():
        return False
    material = Material(
        event=workshop,
        kind=MaterialKind.MINUTES,
        title=MINUTES_TITLE,
        visibility=MaterialVisibility.PUBLIC,
    )
    material.file.save("protokoll-2021-01-12.pdf", ContentFile(_minutes_pdf()), save=False)
    material.save()
    return True


def _past_example(template: Event) -> Event:
    """An invented workshop three weeks ago (not in the real series)."""
    existing = Event.objects.filter(slug=PAST_EXAMPLE_SLUG).first()
    if existing is not None:
        return existing
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    starts -= dt.timedelta(days=21)
    event = Event.objects.create(
        slug=PAST_EXAMPLE_SLUG,
        title="Beispiel-Workshop (Rückblick): Förderkriterien verstehen",
        summary="Beispiel: ein vergangener Workshop mit Anwesenheit, Materialien und Rückmeldungen.",
        description=(
            "<p><strong>Beispielveranstaltung:</strong> erfunden, um zu zeigen, was nach einem "
            "Workshop geschieht – Anwesenheit, Zahlen, Materialien und Rückmeldungen.</p>"
        ),
        format=EventFormat.ONLINE,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        meeting_url="https://meet.example.org/beispiel-foerderkriterien",
        capacity=30,
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


def _example_followup(example: Event, workshop: Event) -> None:
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
    for (rating, comment), person in zip(EXAMPLE_FEEDBACK, people, strict=False):
        FeedbackResponse.objects.get_or_create(
            event=example, person=person, defaults={"rating": rating, "comment": comment}
        )
    if not Material.objects.filter(event=example).exists():
        Material.objects.create(
            event=example,
            kind=MaterialKind.SLIDES,
            title="Beispiel-Folien: Förderkriterien im Überblick",
            url="https://example.org/beispiel-folien-foerderkriterien.pdf",
            visibility=MaterialVisibility.PARTICIPANTS,
        )
        Material.objects.create(
            event=example,
            kind=MaterialKind.RECORDING,
            title="Beispiel-Aufzeichnung",
            url="https://example.org/beispiel-aufzeichnung",
            visibility=MaterialVisibility.NETWORK,
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
    added = _minutes(workshop)
    example = _past_example(workshop)
    _example_followup(example, workshop)
    out.write(
        "Nachbereitung bereit: "
        + ("Protokoll des Workshops vom 12. Januar 2021 angelegt, " if added else "")
        + f"„{example.title}“ mit {example.registrations.count()} Anmeldungen und "
        f"{example.feedback.count()} Rückmeldungen.\n"
    )
