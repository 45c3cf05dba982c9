"""The requester's list (/unterstuetzung/) keeps count and rows of one
person's requests as a memo (support/list_results.py): the second visit
reads less, each change to what the list shows appears on the next visit,
and every person (and every flag that widens the list) has a list of
their own."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Organization, User
from ikone.support.models import Source, SupportRequest, Topic
from ikone.support.workflow import Status
from tests.accounts.factories import MembershipFactory
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("support:list")


def _request(subject: str, **fields) -> SupportRequest:
    values = {
        "topic": Topic.values[0],
        "subject": subject,
        "message": "…",
        "source": Source.PLATFORM,
        "requester_name": "Till Team",
        "requester_email": "team@astadt.example",
        **fields,
    }
    return SupportRequest.objects.create(**values)


def _page(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_second_visit_reads_less(client, staff_member, organization):
    _request("Erste Anfrage", requester=staff_member, organization=organization)
    sign_in(client, staff_member)
    with CaptureQueriesContext(connection) as first:
        assert "Erste Anfrage" in _page(client)
    with CaptureQueriesContext(connection) as second:
        assert "Erste Anfrage" in _page(client)
    assert len(second) < len(first)


def test_each_change_appears_on_the_next_visit(
    client, staff_member, organization, other_organization
):
    item = _request("Erste Anfrage", requester=staff_member, organization=organization)
    sign_in(client, staff_member)
    assert "Stadt Astadt" in _page(client)

    SupportRequest.objects.filter(pk=item.pk).update(subject="Neuer Betreff", status=Status.SOLVED)
    content = _page(client)
    assert "Neuer Betreff" in content and "kern-badge--success" in content

    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in _page(client)

    _request("Zweite Anfrage", requester=staff_member, organization=organization)
    assert "Zweite Anfrage" in _page(client)

    # A membership in another organisation brings its platform requests.
    _request("Bedorfs Anfrage", organization=other_organization, requester_name="Bea")
    assert "Bedorfs Anfrage" not in _page(client)
    MembershipFactory(organization=other_organization, user=staff_member)
    assert "Bedorfs Anfrage" in _page(client)


def test_each_person_sees_their_own_list(
    client, staff_member, other_staff, organization, other_organization
):
    _request("Astadts Anfrage", requester=staff_member, organization=organization)
    _request("Bedorfs Anfrage", requester=other_staff, organization=other_organization)
    sign_in(client, staff_member)
    content = _page(client)
    assert "Astadts Anfrage" in content and "Bedorfs Anfrage" not in content
    client.logout()
    sign_in(client, other_staff)
    content = _page(client)
    assert "Bedorfs Anfrage" in content and "Astadts Anfrage" not in content


def test_the_mentor_flag_widens_the_list(
    client, mentor, staff_member, organization, workshop_draft, mentor_share
):
    """A request on a draft shared with a mentor is in the mentor's list
    (assigned to them); without the mentor flag the draft, and so the
    request, is not theirs to see, from the next visit on."""
    _request(
        "Zum Entwurf",
        requester=staff_member,
        organization=organization,
        assignee=mentor,
        draft=workshop_draft,
    )
    sign_in(client, mentor)
    assert "Zum Entwurf" in _page(client)
    User.objects.filter(pk=mentor.pk).update(is_mentor=False)
    assert "Zum Entwurf" not in _page(client)
