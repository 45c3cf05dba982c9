"""Demo events: the network's real workshop series on the 2021 Smart City
call as past events, and three clearly labelled example workshops in the
coming weeks so registration and the waiting list can be tried.

The texts, with their sources, are in `demo/events.yaml` (see
docs/demo.md). Which administrations took part on 12 January 2021 is not
documented (">40 administrations" is, the list is not). For that workshop the demo registers one
person from each of 41 administrations in Rheinland-Pfalz: existing demo
organisations first, then demo organisations for the Land's districts and
kreisfreie Städte from the imported municipality directory.

`seed_demo_events()` is idempotent: events are found by slug, people by
e-mail, registrations by person and event. The example workshops are
created once, relative to the day the demo is first loaded; later runs
leave them alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ikone.accounts.models import Membership, Organization, OrganizationKind, Role, User
from ikone.core.datetimes import berlin_date, berlin_datetime, to_berlin
from ikone.core.demo_data import Prose, load_yaml, markdown_html, record
from ikone.core.models import FieldOfAction
from ikone.events.demo_followup import seed_demo_event_followup
from ikone.events.models import (
    AgendaItem,
    Audience,
    Event,
    EventFormat,
    EventSeries,
    EventStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)
from ikone.municipalities.models import Level, Municipality

EVENTS_FILE = Path(__file__).resolve().parent / "demo" / "events.yaml"
DEMO_DOMAIN = "ikone.example"
SERIES_SLUG = "workshopreihe-smart-city-bewerbung"
WORKSHOP_2021_SLUG = "2-virtueller-workshop-smart-city-2021-01-12"
RLP = "07"
PARTICIPATING_ADMINISTRATIONS = 41
NEARLY_FULL_CAPACITY = 12


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> object:
        return None


@dataclass(frozen=True)
class DemoSpeaker:
    name: str
    affiliation: str = ""
    role: str = ""
    user_email: str = ""


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    summary: Prose
    description: str  # Markdown
    format: EventFormat
    # Past events: Berlin time. Examples: weeks after the day the demo is loaded.
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    weeks_ahead: int = 0
    hour: int = 10
    hours: float = 2
    place: str = ""
    meeting_url: str = ""
    capacity: int | None = None
    audience: Audience = Audience.EVERYONE
    in_series: bool = True
    call: str = ""
    fields_of_action: tuple[str, ...] = ()
    speakers: tuple[DemoSpeaker, ...] = ()
    agenda: tuple[str, ...] = ()

    def times(self, today: dt.date) -> tuple[dt.datetime, dt.datetime]:
        if self.starts_at is not None and self.ends_at is not None:
            return to_berlin(self.starts_at), to_berlin(self.ends_at)
        day = today + dt.timedelta(weeks=self.weeks_ahead)
        starts = berlin_datetime(day, dt.time(self.hour))
        return starts, starts + dt.timedelta(hours=self.hours)


@dataclass(frozen=True)
class DemoSeries:
    title: str
    description: Prose


@dataclass(frozen=True)
class DemoEvents:
    series: DemoSeries
    past_events: tuple[DemoEvent, ...]
    examples: tuple[DemoEvent, ...]
    participant_organization_description: Prose


@functools.cache
def demo_events() -> DemoEvents:
    """The content of `demo/events.yaml`; raises DemoDataError."""
    return record(DemoEvents, load_yaml(EVENTS_FILE), path=EVENTS_FILE)


def _series(demo: DemoSeries) -> EventSeries:
    series, _ = EventSeries.objects.get_or_create(
        slug=SERIES_SLUG, defaults={"title": demo.title, "description": demo.description}
    )
    return series


def _call(slug: str):  # type: ignore[no-untyped-def]
    from ikone.calls.models import Call

    return Call.objects.filter(slug=slug).first() if slug else None


def _event(demo: DemoEvent, series: EventSeries, today: dt.date) -> tuple[Event, bool]:
    existing = Event.objects.filter(slug=demo.slug).first()
    if existing is not None:
        return existing, False
    starts_at, ends_at = demo.times(today)
    event = Event.objects.create(
        slug=demo.slug,
        title=demo.title,
        summary=demo.summary,
        description=markdown_html(demo.description),
        format=demo.format,
        starts_at=starts_at,
        ends_at=ends_at,
        place=demo.place,
        meeting_url=demo.meeting_url,
        capacity=demo.capacity,
        audience=demo.audience,
        series=series if demo.in_series else None,
        call=_call(demo.call),
        status=EventStatus.PUBLISHED,
    )
    event.fields_of_action.set(FieldOfAction.objects.filter(key__in=demo.fields_of_action))
    speakers = []
    for position, speaker in enumerate(demo.speakers):
        user = (
            User.objects.filter(email=speaker.user_email).first() if speaker.user_email else None
        )
        if user is None and not speaker.name:
            continue
        speakers.append(
            Speaker.objects.create(
                event=event,
                user=user,
                name=speaker.name,
                affiliation=speaker.affiliation,
                role=speaker.role,
                position=position,
            )
        )
    for position, title in enumerate(demo.agenda):
        item = AgendaItem.objects.create(event=event, title=title, position=position)
        if position == 1 and speakers:
            item.speakers.set(speakers)
    return event, True


# --- Participants of 12 January 2021 ----------------------------------------


def _organization_name(unit: Municipality) -> str:
    if unit.level == Level.DISTRICT:
        return f"{unit.type_label} {unit.name_short}".strip()
    return f"Stadt {unit.name_short}"


def _rlp_units() -> list[Municipality]:
    """The Land's districts; for a kreisfreie Stadt its Gemeinde (as the
    accounts demo records cities), else the district itself."""
    districts = list(
        Municipality.objects.filter(level=Level.DISTRICT, ags__startswith=RLP).order_by("ags")
    )
    cities = {
        unit.ags[:5]: unit
        for unit in Municipality.objects.filter(
            level=Level.MUNICIPALITY,
            ags__in=[f"{district.ags}000" for district in districts],
        )
    }
    return [
        cities.get(district.ags, district) if district.type_code == "41" else district
        for district in districts
    ]


def _free_slug(base: str) -> str:
    slug, number = base, 1
    while Organization.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _participating_organizations(description: str) -> list[Organization]:
    """41 organisations in Rheinland-Pfalz: the existing ones first, then
    demo organisations for districts and kreisfreie Städte."""
    chosen = list(
        Organization.objects.filter(municipality__ags__startswith=RLP).order_by("name")[
            :PARTICIPATING_ADMINISTRATIONS
        ]
    )
    taken = {organization.municipality_id for organization in chosen}
    for unit in _rlp_units():
        if len(chosen) >= PARTICIPATING_ADMINISTRATIONS:
            break
        if unit.pk in taken or Organization.objects.filter(municipality=unit).exists():
            continue
        name = _organization_name(unit)
        chosen.append(
            Organization.objects.create(
                municipality=unit,
                slug=_free_slug(slugify(name)),
                name=name,
                kind=OrganizationKind.DISTRICT
                if unit.level == Level.DISTRICT
                else OrganizationKind.CITY,
                description=description,
            )
        )
        taken.add(unit.pk)
    return chosen


def _participant(organization: Organization) -> User:
    email = f"teilnahme.{organization.slug}@{DEMO_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, name=f"Teilnahme {organization.name} (Demo)")
        user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(
        user=user, organization=organization, defaults={"role": Role.STAFF}
    )
    return user


def _register(
    event: Event,
    person: User,
    organization: Organization | None,
    *,
    attended: bool = False,
    status: str = RegistrationStatus.CONFIRMED,
) -> None:
    if Registration.objects.filter(event=event, person=person).exists():
        return
    registered_at = min(event.starts_at - dt.timedelta(days=3), timezone.now())
    registration = Registration.objects.create(
        event=event,
        person=person,
        organization=organization,
        status=status,
        confirmed_at=registered_at if status == RegistrationStatus.CONFIRMED else None,
        waitlisted_at=registered_at if status == RegistrationStatus.WAITLISTED else None,
        attended_at=event.starts_at + dt.timedelta(minutes=5) if attended else None,
    )
    Registration.objects.filter(pk=registration.pk).update(created_at=registered_at)


@transaction.atomic
def seed_demo_events(*, stdout: Writer | None = None) -> None:
    """Create the demo series, events, speakers and registrations (see the
    module docstring). Safe to run again: nothing is duplicated."""
    out = stdout or _Silent()
    content = demo_events()
    series = _series(content.series)
    today = berlin_date()
    events = {}
    for demo in content.past_events:
        events[demo.slug], _ = _event(demo, series, today)
    examples = []
    for demo in content.examples:
        event, _ = _event(demo, series, today)
        examples.append(event)

    organizations = _participating_organizations(content.participant_organization_description)
    participants = [(organization, _participant(organization)) for organization in organizations]
    workshop = events[WORKSHOP_2021_SLUG]
    for organization, person in participants:
        _register(workshop, person, organization, attended=True)
    # The nearly full example: one seat left, so the next two registrations
    # show a confirmation and then the waiting list.
    nearly_full = examples[0]
    for organization, person in participants[: NEARLY_FULL_CAPACITY - 1]:
        _register(nearly_full, person, organization)

    if len(organizations) < PARTICIPATING_ADMINISTRATIONS:
        out.write(
            f"Nur {len(organizations)} Verwaltungen aus Rheinland-Pfalz für den Workshop vom "
            "12. Januar 2021 gefunden (zuerst `ikone import_municipalities` ausführen).\n"
        )
    out.write(
        f"Demo-Veranstaltungen bereit: {Event.objects.filter(series=series).count()} in der "
        f"Reihe „{series.title}“, {len(examples)} Beispiel-Workshops, "
        f"{workshop.registrations.count()} Verwaltungen beim Workshop vom 12. Januar 2021.\n"
    )
    seed_demo_event_followup(stdout=out)
