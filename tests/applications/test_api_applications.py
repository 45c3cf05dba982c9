"""/api/v1/applications/: token authentication, own organisations only, schema."""

import io
from datetime import date
from decimal import Decimal

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ikone.applications.models import CostCategory, MilestoneKind
from ikone.applications.services import financing, schedule
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

LIST = "/api/v1/applications/"


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_without_token_401(draft):
    response = APIClient().get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert APIClient().get(f"{LIST}{draft.pk}/").status_code == 401
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token falsch")
    assert bad.get(LIST).status_code == 401


def test_lists_only_own_organisations_drafts(draft, other_draft, staff_member):
    response = token_client(staff_member).get(LIST)
    assert response.status_code == 200
    assert [row["title"] for row in response.json()["results"]] == [draft.title]
    assert response.json()["results"][0]["organization"] == {
        "slug": "astadt",
        "name": "Stadt Astadt",
    }


def test_other_organisations_draft_is_404(draft, other_draft, staff_member):
    assert token_client(staff_member).get(f"{LIST}{other_draft.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["mentor", "coordinator"])
def test_shared_drafts_are_not_in_the_api(role, shared_with_mentor, request):
    shared_with_mentor.shared_with_network = True
    shared_with_mentor.save()
    client = token_client(request.getfixturevalue(role))
    assert client.get(LIST).json()["results"] == []
    assert client.get(f"{LIST}{shared_with_mentor.pk}/").status_code == 404


def test_detail_with_sections_financing_and_schedule(draft, phases, contact_person):
    actor = Actor(user=contact_person)
    financing.cost_item_create(
        draft=draft,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure="Koordination",
        phase=phases[0],
        year=2027,
        amount=Decimal("12500.50"),
    )
    schedule.milestone_create(
        draft=draft,
        actor=actor,
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2026, 12, 20),
    )
    data = token_client(contact_person).get(f"{LIST}{draft.pk}/").json()
    assert [section["key"] for section in data["sections"]] == ["ausgangslage", "vision"]
    assert data["financing"]["total"] == "12500.50"
    assert data["financing"]["federal"] == "8125.33"
    assert data["financing"]["own"] == "4375.17"
    assert data["financing"]["federal_rate_percent"] == "65.00"
    assert data["financing"]["phases"][0]["phase"] == "Phase A"
    assert data["financing"]["items"][0]["amount"] == "12500.50"
    assert data["schedule"]["late"] == ["Ratsbeschluss"]
    assert data["schedule"]["deadline"] == "2026-12-15"


def test_list_queries_do_not_grow(organization, call, staff_member, django_assert_max_num_queries):
    from ikone.applications.models import Draft

    for index in range(8):
        Draft.objects.create(organization=organization, call=call, title=f"Entwurf {index}")
    client = token_client(staff_member)
    with django_assert_max_num_queries(4):
        response = client.get(LIST)
    assert response.json()["count"] == 8


def test_schema_describes_the_endpoints():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    assert "/api/v1/applications/" in paths
    assert "/api/v1/applications/{id}/" in paths
    assert "401" in paths["/api/v1/applications/"]["get"]["responses"]


# ---------------------------------------------------------------------------
# /bewerbungen/api-zugang/: the person's own token


def test_create_show_once_replace_and_revoke_a_token(client, staff_member, draft):
    sign_in(client, staff_member)
    url = reverse("applications:api_access")
    assert "noch keinen Schlüssel" in client.get(url).content.decode()
    page = client.post(url, {"action": "create"}, follow=True).content.decode()
    key = Token.objects.get(user=staff_member).key
    assert key in page
    assert key not in client.get(url).content.decode()  # shown only once
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(LIST).status_code == 200
    client.post(url, {"action": "create"})
    assert api.get(LIST).status_code == 401  # the old key stopped working
    client.post(url, {"action": "revoke"})
    assert not Token.objects.filter(user=staff_member).exists()
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "applications.api_token.created",
        "applications.api_token.created",
        "applications.api_token.revoked",
    ]


def test_api_access_page_needs_a_login(client):
    response = client.get(reverse("applications:api_access"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
