"""Who may see a question, per visibility level and role, on the object,
in the list and on the page; who may read which organisation asked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.qa.models import Visibility
from ikone.qa.permissions import can_see_organization, can_view_question, viewer_for
from ikone.qa.selectors import question_list
from tests.accounts.factories import (
    MembershipFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)
from tests.core.helpers import sign_in
from tests.qa.factories import QuestionFactory

ROLES = (
    "anonymous",
    "staff_a",
    "staff_b",
    "contact_a",
    "network_staff",
    "mentor",
    "coordinator",
    "admin",
)
EXPECTED = {
    Visibility.PUBLIC: dict.fromkeys(ROLES, True),
    Visibility.NETWORK: {
        "anonymous": False,
        "staff_a": True,
        "staff_b": False,
        "contact_a": True,
        "network_staff": True,
        "mentor": True,
        "coordinator": True,
        "admin": True,
    },
    Visibility.MENTORS: {
        "anonymous": False,
        "staff_a": True,
        "staff_b": False,
        "contact_a": True,
        "network_staff": False,
        "mentor": True,
        "coordinator": True,
        "admin": True,
    },
}
CASES = [(visibility, role) for visibility in EXPECTED for role in ROLES]


@pytest.fixture
def network_staff(primary_network):
    """Staff of organisation C, a current member of the primary network."""
    org_c = OrganizationFactory(name="Stadt Cedorf", slug="cedorf")
    NetworkMembershipFactory(organization=org_c, network=primary_network)
    return MembershipFactory(organization=org_c, user__email="team@cedorf.example").user


@pytest.fixture
def user_of(user_for_role, network_staff):
    def get(role):
        if role == "network_staff":
            return network_staff
        return user_for_role(role)

    return get


def _question(call, organization, author, visibility):
    return QuestionFactory(
        call=call.call,
        organization=organization,
        author=author,
        visibility=visibility,
        title=f"Frage {visibility}",
    )


@pytest.mark.parametrize(("visibility", "role"), CASES)
def test_visibility_per_role(
    visibility, role, call, organization, staff_member, contact_person, other_staff, user_of
):
    question = _question(call, organization, staff_member, visibility)
    user = user_of(role)
    viewer = viewer_for(user)
    expected = EXPECTED[visibility][role]
    assert can_view_question(viewer, question) is expected
    assert (question in question_list(viewer=viewer)) is expected

    client = __import__("django.test", fromlist=["Client"]).Client()
    if user is not None:
        sign_in(client, user)
    response = client.get(reverse("qa:detail", kwargs={"pk": question.pk}))
    assert response.status_code == (200 if expected else 404)
    listed = client.get(reverse("qa:list")).content.decode()
    assert (question.title in listed) is expected


@pytest.mark.parametrize(
    ("role", "sees_name"),
    [
        ("anonymous", False),
        ("staff_a", True),
        ("staff_b", False),
        ("network_staff", False),
        ("mentor", True),
        ("coordinator", True),
    ],
)
def test_organization_name_hidden_unless_allowed(
    role, sees_name, call, organization, staff_member, other_staff, user_of
):
    question = _question(call, organization, staff_member, Visibility.PUBLIC)
    user = user_of(role)
    assert can_see_organization(viewer_for(user), question) is sees_name
    from django.test import Client

    client = Client()
    if user is not None:
        sign_in(client, user)
    for url in (reverse("qa:detail", kwargs={"pk": question.pk}), reverse("qa:list")):
        content = client.get(url).content.decode()
        assert (organization.name in content) is sees_name, url


def test_organization_name_public_when_the_asker_allows_it(call, organization, staff_member):
    question = _question(call, organization, staff_member, Visibility.PUBLIC)
    question.show_organization = True
    question.save()
    assert can_see_organization(viewer_for(None), question)


def test_a_membership_ending_today_counts_until_the_next_berlin_day(primary_network, monkeypatch):
    """The person's memberships are read with a query compiled once per
    Berlin day: a membership that ended yesterday no longer puts its staff
    in the network, also in a process that compiled the query before."""
    import datetime as dt

    from ikone.accounts import visibility

    organization = OrganizationFactory(name="Stadt Endorf", slug="endorf")
    ends = dt.date(2026, 12, 5)
    NetworkMembershipFactory(organization=organization, network=primary_network, member_until=ends)
    user = MembershipFactory(organization=organization).user
    monkeypatch.setattr(visibility, "berlin_date", lambda: ends)
    assert viewer_for(user).in_network
    monkeypatch.setattr(visibility, "berlin_date", lambda: ends + dt.timedelta(days=1))
    viewer = viewer_for(user)
    assert not viewer.in_network
    assert viewer.organization_ids == {organization.pk}
