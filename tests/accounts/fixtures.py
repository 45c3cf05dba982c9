"""Role fixtures other apps can reuse.

In a conftest: `from tests.accounts.fixtures import *  # noqa: F403`, or
register them for all tests with `pytest_plugins = ["tests.accounts.fixtures"]`
in tests/conftest.py.

Organisation A (`organization`) has an Ansprechperson (`contact_person`) and
a staff member (`staff_member`); organisation B (`other_organization`) has
`other_staff`. Neither is a network member unless a test says so.
Coordinators and administrators get TOTP when signed in with `sign_in`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from ikone.accounts.models import Network, Organization, User
from tests.accounts.factories import (
    AdminFactory,
    ContactMembershipFactory,
    CoordinatorFactory,
    MembershipFactory,
    MentorFactory,
    NetworkFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.core.helpers import sign_in

ROLES = ("anonymous", "staff_a", "staff_b", "contact_a", "mentor", "coordinator", "admin")


@pytest.fixture
def clear_cache():
    """Rate limits and used TOTP codes live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def primary_network(db) -> Network:
    return NetworkFactory(is_primary=True, slug="ikone-ds")


@pytest.fixture
def organization(db) -> Organization:
    return OrganizationFactory(name="Stadt Astadt", slug="astadt")


@pytest.fixture
def other_organization(db) -> Organization:
    return OrganizationFactory(name="Stadt Bedorf", slug="bedorf")


@pytest.fixture
def contact_person(organization) -> User:
    return ContactMembershipFactory(
        organization=organization,
        user__email="ansprech@astadt.example",
        user__name="Anna Ansprech",
    ).user


@pytest.fixture
def staff_member(organization) -> User:
    return MembershipFactory(
        organization=organization, user__email="team@astadt.example", user__name="Till Team"
    ).user


@pytest.fixture
def other_staff(other_organization) -> User:
    return MembershipFactory(
        organization=other_organization,
        user__email="team@bedorf.example",
        user__name="Bea Bedorf",
    ).user


@pytest.fixture
def mentor(db) -> User:
    return MentorFactory(email="mentorin@example.org", name="Mia Mentorin")


@pytest.fixture
def coordinator(db) -> User:
    return CoordinatorFactory(email="koordination@example.org", name="Kai Koordination")


@pytest.fixture
def admin(db) -> User:
    return AdminFactory(email="admin@example.org", name="Ada Admin")


@pytest.fixture
def person(db) -> User:
    """A signed-up person without any organisation."""
    return UserFactory(email="neu@example.org", name="Nora Neu")


@pytest.fixture
def user_for_role(request) -> Callable[[str], User | None]:
    """`user_for_role("staff_a")` → the user of one of ROLES (None for anonymous)."""
    names = {
        "staff_a": "staff_member",
        "staff_b": "other_staff",
        "contact_a": "contact_person",
        "mentor": "mentor",
        "coordinator": "coordinator",
        "admin": "admin",
    }

    def get(role: str) -> User | None:
        if role == "anonymous":
            return None
        return request.getfixturevalue(names[role])

    return get


@pytest.fixture
def client_for(user_for_role, staff_member, contact_person, other_staff):
    """`client_for("coordinator")` → a test client signed in as that role
    (organisation A always has its Ansprechperson and staff member)."""

    def make(role: str) -> Client:
        client = Client()
        user = user_for_role(role)
        if user is not None:
            sign_in(client, user)
        return client

    return make
