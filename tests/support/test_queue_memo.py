"""The coordinators' queue (/unterstuetzung/warteschlange/) is a memo
(views.queue): the second visit reads less, each table it shows changes it
on the next visit, a request on a draft appears only while the draft is
shared with the network, every person, filter and part (page or htmx
results) has their own, and the right is checked before the memo."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Organization, User
from ikone.applications.models import Draft
from ikone.support.models import Source, SupportRequest, Topic
from ikone.support.workflow import Status
from tests.accounts.factories import CoordinatorFactory
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("support:queue")


def _request(subject: str, **fields) -> SupportRequest:
    values = {
        "topic": Topic.PARTNER,
        "subject": subject,
        "message": "…",
        "source": Source.PLATFORM,
        "requester_name": "Till Team",
        "requester_email": "team@astadt.example",
        **fields,
    }
    return SupportRequest.objects.create(**values)


def _visit(client, query: dict | None = None, **headers) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, query or {}, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client, query: dict | None = None, **headers) -> str:
    return _visit(client, query, **headers)[0]


def test_the_second_visit_reads_less(client, coordinator, organization):
    _request("Erste Anfrage", organization=organization)
    sign_in(client, coordinator)
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)
    assert "Erste Anfrage" in second
    assert second_queries < first_queries


def test_each_table_of_the_queue_outdates_it(
    client, coordinator, organization, staff_member, workshop_draft
):
    item = _request("Erste Anfrage", organization=organization, assignee=staff_member)
    sign_in(client, coordinator)
    content = _page(client)
    assert "Erste Anfrage" in content and "Stadt Astadt" in content and "Till Team" in content

    SupportRequest.objects.filter(pk=item.pk).update(subject="Neuer Betreff")
    assert "Neuer Betreff" in _page(client)
    SupportRequest.objects.filter(pk=item.pk).update(status=Status.SOLVED)
    assert "Neuer Betreff" not in _page(client)
    assert "Neuer Betreff" in _page(client, {"status": "all"})
    SupportRequest.objects.filter(pk=item.pk).update(status=Status.NEW)
    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in _page(client)
    User.objects.filter(pk=staff_member.pk).update(name="Tilla Neu")
    assert "Tilla Neu" in _page(client)
    _request("Zweite Anfrage", organization=organization)
    assert "Zweite Anfrage" in _page(client)
    # A request on a draft: only while the draft is shared with the network.
    _request("Zum Entwurf", organization=organization, draft=workshop_draft)
    assert "Zum Entwurf" not in _page(client)
    Draft.objects.filter(pk=workshop_draft.pk).update(shared_with_network=True)
    assert "Zum Entwurf" in _page(client)


def test_filters_and_the_htmx_results_have_their_own(client, coordinator, organization):
    _request("Partneranfrage", organization=organization)
    _request("Aufrufanfrage", organization=organization, topic=Topic.CALL)
    sign_in(client, coordinator)
    assert "Aufrufanfrage" in _page(client)
    partner = _page(client, {"thema": Topic.PARTNER})
    assert "Partneranfrage" in partner and "Aufrufanfrage" not in partner
    fragment = _page(client, {"thema": Topic.PARTNER}, HX_Request="true")
    assert "Partneranfrage" in fragment and "<html" not in fragment and "<form" not in fragment
    assert "<html" in _page(client, {"thema": Topic.PARTNER})


@pytest.mark.parametrize("first", ["coordinator", "other"])
def test_each_coordinator_has_their_own_assigned_requests(
    client, coordinator, organization, first
):
    other = CoordinatorFactory(email="zweite@example.org", name="Zora Zweite")
    _request("Für Kai", organization=organization, assignee=coordinator)
    _request("Für Zora", organization=organization, assignee=other)
    people = {"coordinator": coordinator, "other": other}
    pages = {}
    for name in [first, *(name for name in people if name != first)]:
        client.logout()
        sign_in(client, people[name])
        pages[name] = _page(client, {"zustaendig": "me"})
    assert "Für Kai" in pages["coordinator"] and "Für Zora" not in pages["coordinator"]
    assert "Für Zora" in pages["other"] and "Für Kai" not in pages["other"]


def test_the_right_is_checked_before_the_memo(client, coordinator, staff_member, organization):
    _request("Erste Anfrage", organization=organization)
    sign_in(client, coordinator)
    assert "Erste Anfrage" in _page(client)
    client.logout()
    sign_in(client, staff_member)
    assert client.get(URL).status_code == 403
    client.logout()
    sign_in(client, coordinator)
    User.objects.filter(pk=coordinator.pk).update(is_coordinator=False)
    assert client.get(URL).status_code == 403
