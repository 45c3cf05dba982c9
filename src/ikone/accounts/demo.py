"""Demo people, organisations and network membership for trying IKONE out.

`seed_demo_accounts()` is idempotent and runs after the municipality
directory was imported (`ikone seed_demo`); organisations whose municipality
is missing are skipped with a message. Network membership is recorded only
as far as public sources confirm it (see docs/accounts.md): a date only
where one is known, a year where only the year is known.

Every demo account uses DEMO_PASSWORD; the coordinator and the administrator
sign in with a second factor from DEMO_TOTP_SECRET. Never use these in a
real installation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from ikone.accounts.models import (
    DatePrecision,
    Membership,
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
    Role,
    User,
)
from ikone.accounts.services import coordinator_group
from ikone.municipalities.models import Municipality

DEMO_PASSWORD = "ikone-demo-2026"  # noqa: S105 - documented demo login, for trying out only
# Base32; enter it in an authenticator app or run `ikone demo_totp_code`.
DEMO_TOTP_SECRET = "IKONEDEMOZWEIFAKTORKOORDINATION2"  # noqa: S105 - documented demo secret
DEMO_DOMAIN = "ikone.example"

NETWORK_SLUG = "ikone-ds"
NETWORK_NAME = "IKONE DS – Interkommunales Netzwerk Digitale Stadt"
NETWORK_SHORT_NAME = "IKONE DS"
NETWORK_WEBSITE = "https://ikone-ds.de"
NETWORK_DESCRIPTION = (
    "Das Interkommunale Netzwerk Digitale Stadt (IKONE DS) wurde im April 2019 vom "
    "Ministerium des Innern und für Sport Rheinland-Pfalz als Austauschplattform für "
    "große und mittlere Städte des Landes gegründet. Es wird von der Stadt Kaiserslautern "
    "geleitet; die Koordination liegt bei der KL.digital GmbH, wissenschaftlich begleitet "
    "von der Technischen Universität Kaiserslautern.\n\n"
    "Kommunen lernen im Netzwerk voneinander und übernehmen digitale Lösungen, statt "
    "Insellösungen zu bauen; sie stimmen Schnittstellen und Standards ab und teilen sich "
    "Arbeit, etwa beim Onlinezugangsgesetz. Nichtmitglieder erhalten dieselbe Unterstützung "
    "wie Mitglieder."
)

FOUNDING = "Gründungsmitglied des Netzwerks IKONE DS (2019)."
EARLY = "Trat dem Netzwerk IKONE DS 2019/2020 bei (genaues Datum nicht belegt)."


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


@dataclass(frozen=True)
class DemoMembership:
    status: str
    since: date | None = None
    precision: str = DatePrecision.DAY
    note: str = ""


@dataclass(frozen=True)
class DemoOrganization:
    key: str  # used in the demo e-mail addresses
    ags: str
    name: str
    kind: str
    description: str
    membership: DemoMembership | None = None
    people: bool = False  # an Ansprechperson and a staff member


def _founding() -> DemoMembership:
    return DemoMembership(
        status=NetworkMembershipStatus.MEMBER,
        since=date(2019, 1, 1),
        precision=DatePrecision.YEAR,
        note="Gründungsmitglied; Beitrittsjahr laut Berichten, genaues Datum nicht belegt.",
    )


def _early(note: str) -> DemoMembership:
    return DemoMembership(status=NetworkMembershipStatus.MEMBER, note=note)


ORGANIZATIONS: tuple[DemoOrganization, ...] = (
    DemoOrganization(
        "kaiserslautern",
        "07312000",
        "Stadt Kaiserslautern",
        OrganizationKind.CITY,
        "Leitet das Netzwerk IKONE DS; die Koordination liegt bei der KL.digital GmbH, der "
        "Digitalagentur der Stadt. Kaiserslautern war Modellprojekt Smart Cities der ersten "
        "Runde. " + FOUNDING,
        _founding(),
        people=True,
    ),
    DemoOrganization(
        "mainz",
        "07315000",
        "Landeshauptstadt Mainz",
        OrganizationKind.CITY,
        "Berichtete in der 2. Videokonferenz des Netzwerks am 9. September 2020 als Gast über "
        "digitale Beteiligung und digitale Veranstaltungen.",
        people=True,
    ),
    DemoOrganization(
        "bitburg-pruem",
        "07232",
        "Eifelkreis Bitburg-Prüm",
        OrganizationKind.DISTRICT,
        "Modellprojekt Smart Cities der zweiten Runde; teilte seine Erfahrungen im Workshop "
        "„Bewerbung Smart City“ des Netzwerks am 4. Dezember 2020.",
        people=True,
    ),
    DemoOrganization(
        "mayen-koblenz",
        "07137",
        "Landkreis Mayen-Koblenz",
        OrganizationKind.DISTRICT,
        "Modellprojekt Smart Cities; Gastgeber der MPSC-Regionalkonferenz am 22. März 2022.",
        people=True,
    ),
    DemoOrganization(
        "kusel",
        "07336",
        "Landkreis Kusel",
        OrganizationKind.DISTRICT,
        "Im Juli 2021 als Modellprojekt Smart Cities ausgewählt, begleitet von IKONE DS.",
        DemoMembership(
            status=NetworkMembershipStatus.APPLIED,
            note="Demo-Eintrag: zeigt den Status „Beitritt beantragt“.",
        ),
        people=True,
    ),
    DemoOrganization(
        "linz",
        "07138041",
        "Stadt Linz am Rhein",
        OrganizationKind.MUNICIPALITY,
        "Im Juli 2021 als Modellprojekt Smart Cities ausgewählt, begleitet von IKONE DS.",
        people=True,
    ),
    DemoOrganization(
        "andernach",
        "07137003",
        "Stadt Andernach",
        OrganizationKind.MUNICIPALITY,
        FOUNDING,
        _founding(),
    ),
    DemoOrganization(
        "speyer", "07318000", "Stadt Speyer", OrganizationKind.CITY, FOUNDING, _founding()
    ),
    DemoOrganization(
        "woerth",
        "07334501",
        "Stadt Wörth am Rhein",
        OrganizationKind.MUNICIPALITY,
        FOUNDING,
        _founding(),
    ),
    DemoOrganization(
        "zweibruecken",
        "07320000",
        "Stadt Zweibrücken",
        OrganizationKind.CITY,
        FOUNDING,
        _founding(),
    ),
    DemoOrganization(
        "bad-kreuznach",
        "07133006",
        "Stadt Bad Kreuznach",
        OrganizationKind.MUNICIPALITY,
        EARLY,
        _early("Beitritt 2019/2020 laut Berichten; genaues Datum nicht belegt."),
    ),
    DemoOrganization(
        "katzenelnbogen",
        "07141068",
        "Stadt Katzenelnbogen",
        OrganizationKind.MUNICIPALITY,
        EARLY,
        _early("Beitritt 2019/2020 laut Berichten; genaues Datum nicht belegt."),
    ),
    DemoOrganization(
        "pirmasens",
        "07317000",
        "Stadt Pirmasens",
        OrganizationKind.CITY,
        EARLY,
        _early("Beitritt 2019/2020 laut Berichten; genaues Datum nicht belegt."),
    ),
    DemoOrganization(
        "trier",
        "07211000",
        "Stadt Trier",
        OrganizationKind.CITY,
        EARLY,
        _early("Beitritt 2019/2020 laut Berichten; genaues Datum nicht belegt."),
    ),
    DemoOrganization(
        "landau",
        "07313000",
        "Stadt Landau in der Pfalz",
        OrganizationKind.CITY,
        "Spätestens im September 2020 als zehntes Mitglied dem Netzwerk IKONE DS beigetreten.",
        _early("Zehntes Mitglied, spätestens September 2020; genaues Datum nicht belegt."),
    ),
    DemoOrganization(
        "enkenbach-alsenborn",
        "073355002",
        "Verbandsgemeinde Enkenbach-Alsenborn",
        OrganizationKind.ASSOCIATION,
        "Berichtete in der 2. Videokonferenz des Netzwerks am 9. September 2020 als Gast.",
    ),
)


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    job_title: str = ""
    is_coordinator: bool = False
    is_mentor: bool = False
    is_superuser: bool = False
    totp: bool = False


COORDINATOR = DemoPerson(
    f"koordination@{DEMO_DOMAIN}",
    "Koordination IKONE DS (Demo)",
    "Netzwerkkoordination",
    is_coordinator=True,
    totp=True,
)
ADMIN = DemoPerson(
    f"admin@{DEMO_DOMAIN}", "Administration (Demo)", "Betrieb", is_superuser=True, totp=True
)
MENTORS = (
    DemoPerson(f"mentorin@{DEMO_DOMAIN}", "Mentorin (Demo)", "Expertin", is_mentor=True),
    DemoPerson(f"mentor@{DEMO_DOMAIN}", "Mentor (Demo)", "Experte", is_mentor=True),
)


def contact_email(key: str) -> str:
    """The demo Ansprechperson of an organisation, e.g. ansprechperson.mainz@ikone.example."""
    return f"ansprechperson.{key}@{DEMO_DOMAIN}"


def staff_email(key: str) -> str:
    """The demo staff member of an organisation, e.g. mitarbeit.mainz@ikone.example."""
    return f"mitarbeit.{key}@{DEMO_DOMAIN}"


def demo_logins() -> list[tuple[str, str]]:
    """(e-mail, what it shows) for every demo account, for the docs."""
    logins = [
        (COORDINATOR.email, "Netzwerkkoordination, mit Zwei-Faktor-Code"),
        (ADMIN.email, "Administrator:in, mit Zwei-Faktor-Code"),
        *[(person.email, "Mentor:in / Expert:in") for person in MENTORS],
    ]
    for organization in ORGANIZATIONS:
        if organization.people:
            logins.append(
                (contact_email(organization.key), f"Ansprechperson, {organization.name}")
            )
            logins.append((staff_email(organization.key), f"Mitarbeiter:in, {organization.name}"))
    return logins


def _person(person: DemoPerson) -> User:
    user, created = User.objects.get_or_create(
        email=person.email,
        defaults={
            "name": person.name,
            "job_title": person.job_title,
            "is_coordinator": person.is_coordinator,
            "is_mentor": person.is_mentor,
            "is_superuser": person.is_superuser,
            "is_staff": person.is_superuser or person.is_coordinator,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=person.email, defaults={"verified": True, "primary": True}
    )
    if person.is_coordinator:
        user.groups.add(coordinator_group())
    if (
        person.totp
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(user, DEMO_TOTP_SECRET)
    return user


def _network() -> Network:
    network, _created = Network.objects.get_or_create(
        slug=NETWORK_SLUG,
        defaults={
            "name": NETWORK_NAME,
            "short_name": NETWORK_SHORT_NAME,
            "description": NETWORK_DESCRIPTION,
            "website": NETWORK_WEBSITE,
            "is_primary": not Network.objects.filter(is_primary=True).exists(),
        },
    )
    return network


def _organization(demo: DemoOrganization, network: Network, out: Writer) -> Organization | None:
    municipality = Municipality.objects.filter(ags=demo.ags).first()
    if municipality is None:
        out.write(
            f"Demo-Organisation „{demo.name}“ übersprungen: Kommune {demo.ags} fehlt "
            "(zuerst `ikone import_municipalities` ausführen).\n"
        )
        return None
    organization = Organization.objects.filter(municipality=municipality).first()
    if organization is None:
        organization = Organization.objects.create(
            municipality=municipality,
            slug=_free_slug(demo.key),
            name=demo.name,
            kind=demo.kind,
            description=demo.description,
        )
    if demo.membership is not None:
        NetworkMembership.objects.get_or_create(
            organization=organization,
            network=network,
            defaults={
                "status": demo.membership.status,
                "member_since": demo.membership.since,
                "member_since_precision": demo.membership.precision,
                "note": demo.membership.note,
            },
        )
    if demo.people:
        for email, role, label in (
            (contact_email(demo.key), Role.CONTACT, "Ansprechperson"),
            (staff_email(demo.key), Role.STAFF, "Mitarbeit"),
        ):
            user = _person(DemoPerson(email, f"{label} {demo.name} (Demo)"))
            Membership.objects.get_or_create(
                user=user, organization=organization, defaults={"role": role}
            )
    return organization


def _free_slug(key: str) -> str:
    slug, number = key, 1
    while Organization.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{key}-{number}"
    return slug


class _Silent:
    def write(self, msg: str, /) -> object:
        return None


@transaction.atomic
def seed_demo_accounts(*, stdout: Writer | None = None) -> None:
    """Create (or complete) the demo network, people, organisations and network
    membership. Safe to run again: existing rows are kept, missing ones added."""
    out = stdout or _Silent()
    network = _network()
    for person in (COORDINATOR, ADMIN, *MENTORS):
        _person(person)
    created = [
        organization
        for demo in ORGANIZATIONS
        if (organization := _organization(demo, network, out)) is not None
    ]
    out.write(
        f"Demo-Konten bereit: Netzwerk „{network.short_name}“, "
        f"{len(created)} von {len(ORGANIZATIONS)} Organisationen.\n"
    )
