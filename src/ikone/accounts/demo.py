"""Demo people, organisations and network membership for trying IKONE out.

`seed_demo_accounts()` is idempotent and runs after the municipality
directory was imported (`ikone seed_demo`); organisations whose municipality
is missing are skipped with a message. Network membership is recorded only
as far as public sources confirm it (see docs/accounts.md). The network's
and the organisations' texts are in `demo/organizations.yaml` (see
docs/demo.md); the demo people below are logins, documented in
docs/accounts.md.

Every demo account uses DEMO_PASSWORD; the coordinator and the administrator
sign in with a second factor from DEMO_TOTP_SECRET. Never use these in a
real installation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
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
from ikone.core.demo_data import Prose, field, load_records, load_yaml, record
from ikone.municipalities.models import Municipality

DEMO_PASSWORD = "ikone-demo-2026"  # noqa: S105 - documented demo login, for trying out only
# Base32; enter it in an authenticator app or run `ikone demo_totp_code`.
DEMO_TOTP_SECRET = "IKONEDEMOZWEIFAKTORKOORDINATION2"  # noqa: S105 - documented demo secret
DEMO_DOMAIN = "ikone.example"

NETWORK_SLUG = "ikone-ds"
ORGANIZATIONS_FILE = Path(__file__).resolve().parent / "demo" / "organizations.yaml"


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


@dataclass(frozen=True)
class DemoMembership:
    status: NetworkMembershipStatus
    since: date | None = None
    precision: DatePrecision = DatePrecision.DAY
    note: Prose = ""


@dataclass(frozen=True)
class DemoOrganization:
    key: str  # used in the demo e-mail addresses
    ags: str
    name: str
    kind: OrganizationKind
    description: Prose
    membership: DemoMembership | None = None
    people: bool = False  # an Ansprechperson and a staff member


@dataclass(frozen=True)
class DemoNetwork:
    name: str
    short_name: str
    website: str
    description: Prose


@functools.cache
def demo_network() -> DemoNetwork:
    """The network of `demo/organizations.yaml`; raises DemoDataError."""
    data = load_yaml(ORGANIZATIONS_FILE)
    return record(
        DemoNetwork, field(data, "network", path=ORGANIZATIONS_FILE), path=ORGANIZATIONS_FILE
    )


@functools.cache
def demo_organizations() -> tuple[DemoOrganization, ...]:
    """The organisations of `demo/organizations.yaml`; raises DemoDataError."""
    return load_records(ORGANIZATIONS_FILE, DemoOrganization, key="organizations")


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
    for organization in demo_organizations():
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
    demo = demo_network()
    network, _created = Network.objects.get_or_create(
        slug=NETWORK_SLUG,
        defaults={
            "name": demo.name,
            "short_name": demo.short_name,
            "description": demo.description,
            "website": demo.website,
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
    organizations = demo_organizations()
    created = [
        organization
        for demo in organizations
        if (organization := _organization(demo, network, out)) is not None
    ]
    out.write(
        f"Demo-Konten bereit: Netzwerk „{network.short_name}“, "
        f"{len(created)} von {len(organizations)} Organisationen.\n"
    )
