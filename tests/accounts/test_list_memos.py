"""Two memos of the accounts app (issue 15): one page of /organisationen/
(accounts/organization_results.py, the same for everyone) and the rows of
an organisation's people page (accounts/member_rows.py, per organisation,
the CSRF token per request). The second visit reads less, each change to
what they show appears on the next visit, and viewers keep what is theirs."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import (
    Membership,
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    Role,
    User,
)
from tests.accounts.factories import MembershipFactory, NetworkMembershipFactory
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

LIST = reverse("organizations:list")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _fewer_queries_the_second_time(client, url: str) -> None:
    with CaptureQueriesContext(connection) as first:
        _get(client, url)
    with CaptureQueriesContext(connection) as second:
        _get(client, url)
    assert len(second) < len(first)


def test_the_list_reads_less_the_second_time(client, staff_member, organization):
    sign_in(client, staff_member)
    _fewer_queries_the_second_time(client, LIST)


def test_each_change_appears_in_the_list(client, staff_member, organization, primary_network):
    sign_in(client, staff_member)
    assert "Stadt Astadt" in _get(client, LIST)

    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in _get(client, LIST)

    MembershipFactory(organization=organization)
    assert re.search(r"kern-table__cell--numeric\">\s*2<", _get(client, LIST))

    membership = NetworkMembershipFactory(organization=organization, network=primary_network)
    assert "Netzwerkmitglied" in _get(client, LIST)
    NetworkMembership.objects.filter(pk=membership.pk).update(
        status=NetworkMembershipStatus.values[-1]
    )
    assert "Netzwerkmitglied" not in _get(client, LIST).split("<tbody")[1]

    Network.objects.filter(pk=primary_network.pk).update(short_name="NEU", name="Netz Neu")
    assert "Netzwerk Netz Neu" in _get(client, LIST) or "Netzwerk NEU" in _get(client, LIST)


def test_the_list_is_the_same_for_everyone(client, staff_member, organization):
    anonymous = _get(client, LIST)
    sign_in(client, staff_member)
    signed_in = _get(client, LIST)
    assert (
        anonymous.split("<tbody")[1].split("</tbody>")[0]
        == (signed_in.split("<tbody")[1].split("</tbody>")[0])
    )
    assert "Ihre Kommune fehlt?" in signed_in and "Ihre Kommune fehlt?" not in anonymous


def _people_url(organization) -> str:
    return reverse("organizations:members", kwargs={"slug": organization.slug})


def test_the_people_rows_read_less_the_second_time(client, contact_person, organization):
    sign_in(client, contact_person)
    _fewer_queries_the_second_time(client, _people_url(organization))


def test_each_change_appears_in_the_people_rows(
    client, contact_person, staff_member, organization
):
    sign_in(client, contact_person)
    assert "Till Team" in _get(client, _people_url(organization))

    User.objects.filter(pk=staff_member.pk).update(name="Till Umbenannt")
    assert "Till Umbenannt" in _get(client, _people_url(organization))

    membership = Membership.objects.get(user=staff_member, organization=organization)
    Membership.objects.filter(pk=membership.pk).update(role=Role.CONTACT)
    row = _get(client, _people_url(organization)).split("Till Umbenannt")[1]
    assert re.search(r'value="contact"[^>]*selected', row.split("</tr>")[0])

    MembershipFactory(organization=organization, user__name="Nina Neu")
    assert "Nina Neu" in _get(client, _people_url(organization))

    Organization.objects.filter(pk=organization.pk).update(slug="astadt-neu")
    organization.refresh_from_db()
    content = _get(client, _people_url(organization))
    assert "/organisationen/astadt-neu/personen/" in content
    assert "/organisationen/astadt/personen/" not in content


def test_people_rows_are_per_organisation_with_a_token_per_person(
    client, contact_person, organization, other_organization
):
    other_contact = MembershipFactory(
        organization=other_organization, role=Role.CONTACT, user__name="Olga Other"
    ).user
    sign_in(client, contact_person)
    mine = _get(client, _people_url(organization))
    client.logout()
    sign_in(client, other_contact)
    theirs = _get(client, _people_url(other_organization))
    assert "Anna Ansprech" in mine and "Olga Other" not in mine
    assert "Olga Other" in theirs and "Anna Ansprech" not in theirs
    assert set(TOKEN.findall(mine)).isdisjoint(TOKEN.findall(theirs))
    # Still only for those who may manage the people.
    assert client.get(_people_url(organization)).status_code in (403, 404)
