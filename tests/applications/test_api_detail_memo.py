"""/api/v1/applications/<id>/ keeps a draft's data as a memo per person,
draft, Berlin day and host (api.views.applications): the second request
reads less, each table the answer holds changes it at once, the day moves
days left and late milestones, and a person who may not see the draft (or
no longer) gets 404 whatever the memo holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ikone.accounts.models import Membership, Organization
from ikone.applications.models import CostCategory, Draft, DraftSection, MilestoneKind
from ikone.applications.services import financing, schedule
from ikone.calls.models import Call
from ikone.core.audit import Actor
from tests.applications.plan_fixtures import *  # noqa: F403

LIST = "/api/v1/applications/"


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def _get(client: APIClient, draft: Draft) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{LIST}{draft.pk}/")
    assert response.status_code == 200
    return response.json(), len(queries)


def test_the_second_request_reads_less(draft, contact_person):
    client = token_client(contact_person)
    first, first_queries = _get(client, draft)
    second, second_queries = _get(client, draft)
    assert first == second
    assert second_queries < first_queries


def test_each_table_of_the_answer_outdates_it(draft, phases, contact_person):
    client = token_client(contact_person)
    _get(client, draft)
    actor = Actor(user=contact_person)

    Draft.objects.filter(pk=draft.pk).update(title="Neuer Titel")
    assert _get(client, draft)[0]["title"] == "Neuer Titel"
    Organization.objects.filter(pk=draft.organization_id).update(name="Stadt Neuname")
    assert _get(client, draft)[0]["organization"]["name"] == "Stadt Neuname"
    Call.objects.filter(pk=draft.call_id).update(title="Neuer Aufruf")
    assert _get(client, draft)[0]["call"]["title"] == "Neuer Aufruf"
    DraftSection.objects.filter(draft=draft, key="vision").update(text="Neue Vision")
    sections = _get(client, draft)[0]["sections"]
    assert [section["text"] for section in sections if section["key"] == "vision"] == [
        "Neue Vision"
    ]
    financing.cost_item_create(
        draft=draft,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure="Koordination",
        phase=phases[0],
        year=2027,
        amount=Decimal("12500.50"),
    )
    assert _get(client, draft)[0]["financing"]["total"] == "12500.50"
    schedule.milestone_create(
        draft=draft,
        actor=actor,
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2026, 12, 20),
    )
    assert "Ratsbeschluss" in str(_get(client, draft)[0]["schedule"])


def test_the_berlin_day_is_part_of_the_key(draft, contact_person):
    client = token_client(contact_person)
    target = "ikone.api.views.applications.berlin_date"
    with mock.patch(target, return_value=date(2026, 12, 1)):
        _get(client, draft)
        _, reused = _get(client, draft)
    with mock.patch(target, return_value=date(2026, 12, 2)):
        _, next_day = _get(client, draft)
    assert next_day > reused


def test_each_person_and_membership_is_checked_first(
    draft, other_draft, contact_person, staff_member, other_staff
):
    own = token_client(contact_person)
    assert _get(own, draft)[0]["title"] == draft.title
    other = token_client(other_staff)
    assert other.get(f"{LIST}{draft.pk}/").status_code == 404
    assert _get(other, other_draft)[0]["title"] == other_draft.title
    assert own.get(f"{LIST}{other_draft.pk}/").status_code == 404
    Membership.objects.filter(user=contact_person).delete()
    assert own.get(f"{LIST}{draft.pk}/").status_code == 404


def test_the_format_suffix_and_the_host_of_the_url_are_part_of_the_key(
    draft, contact_person, settings
):
    """DRF writes the absolute `url` with the request's host and its format
    suffix (`/5.json`): whoever asks first does not decide it for the others."""
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    client = token_client(contact_person)
    suffixed = client.get(f"{LIST}{draft.pk}.json").json()
    plain = client.get(f"{LIST}{draft.pk}/").json()
    elsewhere = client.get(f"{LIST}{draft.pk}/", HTTP_HOST="other.example").json()
    assert suffixed["url"].endswith(f"/{draft.pk}.json")
    assert plain["url"] == f"http://testserver{LIST}{draft.pk}/"
    assert elsewhere["url"] == f"http://other.example{LIST}{draft.pk}/"
