"""A demo-like installation (the demo seeders' accounts, calls, events and
questions, indexed for search) and its people in every role, for the tests
that compare what each surface shows to whom."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction
from django.test import Client

from ikone.accounts.models import Membership, NetworkMembership, Role, User
from tests.core.helpers import sign_in
from tests.demo_world import seed_demo_world

# The roles of issue 11.3, as they exist in the demo data.
ROLES = (
    "anonymous",
    "staff_outside_network",
    "staff_in_network",
    "contact_person",
    "mentor",
    "coordinator",
    "admin",
)


def _in_network() -> set[int]:
    return set(
        NetworkMembership.objects.in_primary_network()
        .current()
        .values_list("organization_id", flat=True)
    )


def _person(role: str) -> User | None:
    members = _in_network()
    staff = Membership.objects.filter(role=Role.STAFF).order_by("pk")
    people: dict[str, Callable[[], User | None]] = {
        "anonymous": lambda: None,
        "staff_outside_network": lambda: staff.exclude(organization_id__in=members).first().user,
        "staff_in_network": lambda: staff.filter(organization_id__in=members).first().user,
        # An Ansprechperson whose organisation asked questions, so that its
        # own non-public questions are among what it sees.
        "contact_person": lambda: (
            Membership.objects.filter(
                role=Role.CONTACT, organization__questions__visibility="mentors"
            )
            .exclude(organization_id__in=members)
            .order_by("pk")
            .first()
            .user
        ),
        "mentor": lambda: User.objects.filter(is_mentor=True).order_by("pk").first(),
        "coordinator": lambda: (
            User.objects.filter(is_coordinator=True, is_superuser=False).order_by("pk").first()
        ),
        "admin": lambda: User.objects.filter(is_superuser=True).order_by("pk").first(),
    }
    return people[role]()


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """Seed the demo data once per test module (without the 12,000
    municipalities: only the demo organisations' own) and index it for
    search, without sentence vectors. Each test runs in a savepoint inside
    the module's transaction, which is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo_world()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def person_for(demo_world, db) -> Callable[[str], User | None]:
    """`person_for("mentor")` → the demo person in that role (None: anonymous)."""
    return _person


@pytest.fixture
def client_as(person_for) -> Callable[[str], Client]:
    """`client_as("mentor")` → a test client signed in as that demo person."""

    def make(role: str) -> Client:
        client = Client()
        person = person_for(role)
        if person is not None:
            sign_in(client, person)
        return client

    return make
