"""The content of one support request's page is a memo per request, person
and role (views.requests.request_detail, issue 15): the second visit reads
less, the CSRF token stays per request, each table the page shows changes
it on the next visit, notes and the handling form stay the handlers', and
the right to see the request is checked first on every visit."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ikone.accounts.models import Membership, Organization, User
from ikone.applications.models import Draft
from ikone.core.audit import Actor
from ikone.support import services
from ikone.support.models import CannedReply, SupportRequest, Topic
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
HANDLING = 'name="priority"'


@pytest.fixture
def platform_request(staff_member, organization) -> SupportRequest:
    return services.request_create(
        data=services.RequestData(
            topic=Topic.FINANCING,
            subject="Personalkosten?",
            message="Dürfen wir Personal ansetzen?",
            organization=organization,
        ),
        actor=Actor(user=staff_member),
    )


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _visit(client: Client, item: SupportRequest) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client: Client, item: SupportRequest) -> str:
    return _visit(client, item)[0]


def test_the_second_visit_reads_less_with_its_own_token(platform_request, coordinator):
    client = _client(coordinator)
    first, first_queries = _visit(client, platform_request)
    second, second_queries = _visit(client, platform_request)
    assert second_queries < first_queries
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)
    tokens = TOKEN.findall(first), TOKEN.findall(second)
    assert all(found and all(len(token) == 64 for token in found) for found in tokens)
    assert set(tokens[0]).isdisjoint(tokens[1])
    assert not re.search(r"csrf[0-9a-f]{32}", second)


def test_each_table_of_the_page_outdates_it(
    platform_request, coordinator, mentor, organization, staff_member, workshop_draft
):
    client = _client(coordinator)
    assert "Personalkosten?" in _page(client, platform_request)

    SupportRequest.objects.filter(pk=platform_request.pk).update(subject="Neuer Betreff")
    assert "Neuer Betreff" in _page(client, platform_request)
    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in _page(client, platform_request)
    services.request_reply(
        request=platform_request, text="Ja, das dürfen Sie.", actor=Actor(user=coordinator)
    )
    assert "Ja, das dürfen Sie." in _page(client, platform_request)
    User.objects.filter(pk=mentor.pk).update(name="Mira Neu")
    assert "Mira Neu" in _page(client, platform_request)
    CannedReply.objects.create(title="Baustein Personal", text="…", topic=Topic.FINANCING)
    assert "Baustein Personal" in _page(client, platform_request)
    # The version the handling form locks on is the current one.
    before = SupportRequest.objects.get(pk=platform_request.pk).version
    SupportRequest.objects.filter(pk=platform_request.pk).update(version=before + 5)
    assert f'name="version" value="{before + 5}"' in _page(client, platform_request)
    SupportRequest.objects.filter(pk=platform_request.pk).update(draft=workshop_draft)
    Draft.objects.filter(pk=workshop_draft.pk).update(title="Entwurf neu")
    assert "Entwurf neu" in _page(_client(staff_member), platform_request)


@pytest.mark.parametrize("first", ["coordinator", "staff_member"])
def test_notes_and_handling_stay_the_handlers(platform_request, coordinator, staff_member, first):
    services.request_note(
        request=platform_request, text="Intern: Kämmerei fragen", actor=Actor(user=coordinator)
    )
    people = {"coordinator": coordinator, "staff_member": staff_member}
    pages = {}
    for name in [first, *(name for name in people if name != first)]:
        pages[name] = _page(_client(people[name]), platform_request)
    assert "Kämmerei" in pages["coordinator"] and HANDLING in pages["coordinator"]
    assert "Kämmerei" not in pages["staff_member"] and HANDLING not in pages["staff_member"]


def test_the_right_is_checked_before_the_memo(
    platform_request, staff_member, other_staff, organization
):
    assert "Personalkosten?" in _page(_client(staff_member), platform_request)
    other = _client(other_staff)
    assert other.get(platform_request.get_absolute_url()).status_code == 404
    SupportRequest.objects.filter(pk=platform_request.pk).update(requester=None)
    Membership.objects.filter(user=staff_member, organization=organization).delete()
    assert _client(staff_member).get(platform_request.get_absolute_url()).status_code == 404
