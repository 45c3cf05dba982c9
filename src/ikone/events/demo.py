"""Demo events: the network's real workshop series on the 2021 Smart City
call as past events, and three clearly labelled example workshops in the
coming weeks so registration and the waiting list can be tried.

Facts come from `/work/shared/context/ikone-ds-network.md` and the press
release on the 2nd virtual workshop (copied in `data/SOURCE.md`). What the
sources do not say is marked as such in the texts: the times of day, and
which administrations took part on 12 January 2021 (">40 administrations"
is documented, the list is not). For that workshop the demo registers one
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
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ikone.accounts.models import Membership, Organization, OrganizationKind, Role, User
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

BERLIN = ZoneInfo("Europe/Berlin")
DEMO_DOMAIN = "ikone.example"
SERIES_SLUG = "workshopreihe-smart-city-bewerbung"
CALL_2021_SLUG = "mpsc-2021"
EXAMPLE_CALL_SLUG = "beispielaufruf-smarte-region"
RLP = "07"
PARTICIPATING_ADMINISTRATIONS = 41
NEARLY_FULL_CAPACITY = 12
TIME_NOTE = "Die Uhrzeit ist nicht überliefert; die Demo nimmt {time} an."


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
    summary: str
    description: str
    format: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str = ""
    meeting_url: str = ""
    capacity: int | None = None
    audience: str = Audience.EVERYONE
    in_series: bool = True
    call_slug: str = ""
    fields_of_action: tuple[str, ...] = ()
    speakers: tuple[DemoSpeaker, ...] = ()
    agenda: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


SERIES_DESCRIPTION = (
    "Von Dezember 2020 bis zum 9. März 2021 begleitete das Netzwerk IKONE DS Kommunen "
    "aus Rheinland-Pfalz bei der Bewerbung für den Aufruf 2021 der „Modellprojekte Smart "
    "Cities“: sechs Runden mit Ideen-, Schreib- und „Finish“-Workshops sowie Einzelgesprächen. "
    "Zu Beginn nahmen mehr als 30 Kommunen teil; etwa ein Drittel bewarb sich schließlich. "
    "Der Aufruf ließ rund drei Monate Zeit (16. Dezember 2020 bis 14. März 2021)."
)

PAST_EVENTS: tuple[DemoEvent, ...] = (
    DemoEvent(
        slug="workshop-bewerbung-smart-city-2020-12-04",
        title="Workshop „Bewerbung Smart City“",
        summary=(
            "Zweistündiger Online-Workshop zu den Voraussetzungen einer erfolgreichen "
            "Bewerbung als Modellprojekt Smart Cities."
        ),
        description=(
            "<p>Voraussetzungen einer erfolgreichen Bewerbung als Modellprojekt Smart Cities: "
            "Projektplan, Kosten- und Zeitplan und der verpflichtende Ratsbeschluss. "
            "KL.digital stellte einen Leitfaden zur Vorbereitung vor; es sprachen der Chief "
            "Digital Officer und der Chief Urban Officer der Stadt Kaiserslautern. "
            "Kaiserslautern (Runde 1) und der Eifelkreis Bitburg-Prüm (Runde 2) berichteten "
            "von ihren Erfahrungen. Links und Kontakte wurden im Anschluss geteilt.</p>"
            f"<p>{TIME_NOTE.format(time='10 bis 12 Uhr')}</p>"
        ),
        format=EventFormat.ONLINE,
        starts_at=_at(2020, 12, 4, 10),
        ends_at=_at(2020, 12, 4, 12),
        call_slug=CALL_2021_SLUG,
        fields_of_action=("strategy_governance",),
        speakers=(
            DemoSpeaker("Chief Digital Officer (CDO)", "Stadt Kaiserslautern"),
            DemoSpeaker("Chief Urban Officer (CUO)", "Stadt Kaiserslautern"),
            DemoSpeaker("KL.digital GmbH", "Digitalagentur der Stadt Kaiserslautern"),
        ),
        agenda=(
            "Voraussetzungen einer erfolgreichen Bewerbung: Projektplan, Kosten- und "
            "Zeitplan, Ratsbeschluss",
            "Leitfaden zur Vorbereitung (KL.digital)",
            "Erfahrungen aus Kaiserslautern (Runde 1) und dem Eifelkreis Bitburg-Prüm (Runde 2)",
        ),
    ),
    DemoEvent(
        slug="2-virtueller-workshop-smart-city-2021-01-12",
        title="2. virtueller Workshop zur Bewerbung als Smart City",
        summary=(
            "Zum Thema des Aufrufs „Gemeinsam aus der Krise: Raum für Zukunft“ gaben die "
            "Macher der ersten beiden Wettbewerbsrunden ihr Wissen weiter."
        ),
        description=(
            "<p>Beim Thema des Aufrufs 2021, „Gemeinsam aus der Krise: Raum für Zukunft“, "
            "gaben die erfolgreichen Macher der ersten beiden Wettbewerbsrunden ihr Wissen an "
            "die Kommunen im Land weiter. Über 40 Verwaltungen aus Rheinland-Pfalz nahmen "
            "online teil; auch Nichtmitglieder erhielten dieselbe Unterstützung.</p>"
            "<p>Die Konzepte sollten auf die vom Bund definierte inhaltliche Ausrichtung "
            "abgestimmt sein, ohne den eigenen Charakter zu verlieren: Lokale Prägung muss "
            "erkennbar sein, die Ansätze sollten auf möglichst viele Kommunen übertragbar "
            "sein.</p>"
            f"<p>{TIME_NOTE.format(time='10 bis 12:30 Uhr')} Welche Verwaltungen teilnahmen, "
            "ist nicht überliefert: Die Anmeldeliste der Demo ist beispielhaft.</p>"
        ),
        format=EventFormat.ONLINE,
        starts_at=_at(2021, 1, 12, 10),
        ends_at=_at(2021, 1, 12, 12, 30),
        call_slug=CALL_2021_SLUG,
        fields_of_action=("strategy_governance", "urban_development_housing"),
        speakers=(
            DemoSpeaker(
                "Prof. Gerhard Steinebach", "Stadt Kaiserslautern", "Chief Urban Officer (CUO)"
            ),
            DemoSpeaker("Dr. Martin Verlage", "KL.digital GmbH", "Geschäftsführer"),
            DemoSpeaker("Dr. Andreas Mayer", "ITOB GmbH"),
            DemoSpeaker("Steffen Hess", "Fraunhofer IESE", "Projektleiter Digitale Dörfer"),
        ),
    ),
    DemoEvent(
        slug="erstes-praesenztreffen-2021-09-23",
        title="Erstes Präsenztreffen des Netzwerks",
        summary=(
            "Das erste Treffen vor Ort im Fritz-Walter-Stadion Kaiserslautern: mehr als 60 "
            "Personen aus 22 Kommunen, Städten und Landkreisen."
        ),
        description=(
            "<p>Themen: künstliche Intelligenz in der Verwaltung und Sensorfunknetze in der "
            "Stadt, dazu eine Ausstellung und Thementische. Mehr als 60 Personen aus 22 "
            "Kommunen, Städten und Landkreisen nahmen teil (Teilnehmende, nicht nur "
            "Mitglieder).</p>"
            f"<p>{TIME_NOTE.format(time='10 bis 16 Uhr')}</p>"
        ),
        format=EventFormat.ONSITE,
        starts_at=_at(2021, 9, 23, 10),
        ends_at=_at(2021, 9, 23, 16),
        place="Fritz-Walter-Stadion, Kaiserslautern",
        in_series=False,
        fields_of_action=("administration", "data_digital_infrastructure"),
        agenda=(
            "Künstliche Intelligenz in der Verwaltung",
            "Sensorfunknetze in der Stadt",
            "Ausstellung und Thementische",
        ),
    ),
)


def _example_events(today: dt.date) -> tuple[DemoEvent, ...]:
    """Three invented workshops in the coming weeks (labelled "Beispiel")."""

    def day(weeks: int, hour: int) -> dt.datetime:
        date = today + dt.timedelta(weeks=weeks)
        return dt.datetime(date.year, date.month, date.day, hour, tzinfo=BERLIN)

    note = (
        "<p><strong>Beispielveranstaltung:</strong> erfunden, zum Ausprobieren der Anmeldung.</p>"
    )
    return (
        DemoEvent(
            slug="beispiel-workshop-antrag-schritt-fuer-schritt",
            title="Beispiel-Workshop: Der Förderantrag Schritt für Schritt",
            summary="Beispiel: fast ausgebucht – hier lässt sich die Warteliste ausprobieren.",
            description=note
            + "<p>Wir gehen gemeinsam die Abschnitte eines Antrags durch: Ziele, Maßnahmen, "
            "Zeit- und Kostenplan.</p>",
            format=EventFormat.ONLINE,
            starts_at=day(1, 10),
            ends_at=day(1, 10) + dt.timedelta(hours=2),
            meeting_url="https://meet.example.org/beispiel-antrag",
            capacity=NEARLY_FULL_CAPACITY,
            in_series=False,
            call_slug=EXAMPLE_CALL_SLUG,
            fields_of_action=("strategy_governance",),
            speakers=(
                DemoSpeaker("", "Mentorin (Demo)", "Impuls", user_email=f"mentorin@{DEMO_DOMAIN}"),
            ),
            agenda=("Begrüßung", "Impuls: Was Gutachter lesen wollen", "Fragen und Antworten"),
        ),
        DemoEvent(
            slug="beispiel-workshop-finanzierungsplan",
            title="Beispiel-Workshop: Finanzierungsplan und Eigenanteil",
            summary="Beispiel: hybrider Workshop für Mitarbeitende von Kommunen.",
            description=note
            + "<p>Wie rechnet man Eigenanteil und Förderquote, und was gehört in den "
            "Finanzierungsplan?</p>",
            format=EventFormat.HYBRID,
            starts_at=day(2, 14),
            ends_at=day(2, 14) + dt.timedelta(hours=3),
            place="Beispielort: Rathaus, Sitzungssaal",
            meeting_url="https://meet.example.org/beispiel-finanzierung",
            capacity=40,
            audience=Audience.MUNICIPAL_STAFF,
            in_series=False,
            call_slug=EXAMPLE_CALL_SLUG,
            fields_of_action=("administration",),
        ),
        DemoEvent(
            slug="beispiel-workshop-digitale-beteiligung",
            title="Beispiel-Workshop: Digitale Beteiligung",
            summary="Beispiel: nur für Mitglieder des Netzwerks, ohne Platzbegrenzung.",
            description=note
            + "<p>Erfahrungsaustausch zu Beteiligungsplattformen in Kommunen.</p>",
            format=EventFormat.ONLINE,
            starts_at=day(3, 10),
            ends_at=day(3, 10) + dt.timedelta(hours=2),
            meeting_url="https://meet.example.org/beispiel-beteiligung",
            audience=Audience.NETWORK_MEMBERS,
            in_series=False,
            fields_of_action=("participation_inclusion",),
        ),
    )


def _series() -> EventSeries:
    series, _ = EventSeries.objects.get_or_create(
        slug=SERIES_SLUG,
        defaults={
            "title": "Workshopreihe Smart City Bewerbung",
            "description": SERIES_DESCRIPTION,
        },
    )
    return series


def _call(slug: str):  # type: ignore[no-untyped-def]
    from ikone.calls.models import Call

    return Call.objects.filter(slug=slug).first() if slug else None


def _event(demo: DemoEvent, series: EventSeries) -> tuple[Event, bool]:
    existing = Event.objects.filter(slug=demo.slug).first()
    if existing is not None:
        return existing, False
    event = Event.objects.create(
        slug=demo.slug,
        title=demo.title,
        summary=demo.summary,
        description=demo.description,
        format=demo.format,
        starts_at=demo.starts_at,
        ends_at=demo.ends_at,
        place=demo.place,
        meeting_url=demo.meeting_url,
        capacity=demo.capacity,
        audience=demo.audience,
        series=series if demo.in_series else None,
        call=_call(demo.call_slug),
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


def _participating_organizations() -> list[Organization]:
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
                description=(
                    "Demo-Organisation: angelegt, um die Teilnahme am 2. virtuellen Workshop "
                    "vom 12. Januar 2021 zu zeigen. Welche Verwaltungen tatsächlich "
                    "teilnahmen, ist nicht überliefert."
                ),
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
    series = _series()
    events = {}
    for demo in PAST_EVENTS:
        events[demo.slug], _ = _event(demo, series)
    examples = []
    for demo in _example_events(timezone.localdate()):
        event, _ = _event(demo, series)
        examples.append(event)

    organizations = _participating_organizations()
    participants = [(organization, _participant(organization)) for organization in organizations]
    workshop = events["2-virtueller-workshop-smart-city-2021-01-12"]
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
