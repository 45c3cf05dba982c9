"""/api/v1/applications/ keeps a page of the person's drafts as a memo per
person and absolute address (api.views.applications): the second request
reads less, each table the list shows changes it at once, two people never
see each other's list whichever asks first, and the drafts' `url` and the
page links follow the host, format and page of each request."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ikone.accounts.models import Membership, Organization
from ikone.api.pagination import StrictPageNumberPagination
from ikone.applications.models import Draft
from ikone.calls.models import Call
from tests.applications.plan_fixtures import *  # noqa: F403

LIST = "/api/v1/applications/"


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def _get(client: APIClient, address: str = LIST, **extra) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, **extra)
    assert response.status_code == 200
    return response.json(), len(queries)


def _titles(data: dict) -> list[str]:
    return [row["title"] for row in data["results"]]


def test_the_second_request_reads_less(draft, contact_person):
    client = token_client(contact_person)
    first, first_queries = _get(client)
    second, second_queries = _get(client)
    assert first == second
    assert _titles(second) == [draft.title]
    assert second_queries < first_queries


def test_each_table_of_the_list_outdates_it(draft, organization, call, contact_person):
    client = token_client(contact_person)
    _get(client)

    Draft.objects.filter(pk=draft.pk).update(title="Neuer Titel")
    assert _titles(_get(client)[0]) == ["Neuer Titel"]
    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert _get(client)[0]["results"][0]["organization"]["name"] == "Stadt Neuname"
    Call.objects.filter(pk=call.pk).update(title="Neuer Aufruf")
    assert _get(client)[0]["results"][0]["call"]["title"] == "Neuer Aufruf"
    Draft.objects.create(organization=organization, call=call, title="Zweiter Entwurf")
    assert _get(client)[0]["count"] == 2
    Membership.objects.filter(user=contact_person).delete()
    assert _get(client)[0]["results"] == []


def test_two_people_never_share_a_list_in_either_order(
    draft, other_draft, contact_person, other_staff
):
    own, other = token_client(contact_person), token_client(other_staff)
    assert _titles(_get(own)[0]) == [draft.title]
    assert _titles(_get(other)[0]) == [other_draft.title]
    assert _titles(_get(own)[0]) == [draft.title]
    assert _titles(_get(other)[0]) == [other_draft.title]


def test_host_format_and_page_are_part_of_the_key(
    draft, organization, call, contact_person, settings, monkeypatch
):
    monkeypatch.setattr(StrictPageNumberPagination, "page_size", 2)
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    for index in range(3):
        Draft.objects.create(organization=organization, call=call, title=f"Entwurf {index}")
    client = token_client(contact_person)

    plain = _get(client, LIST)[0]
    elsewhere = _get(client, LIST, HTTP_HOST="other.example")[0]
    suffixed = _get(client, "/api/v1/applications.json")[0]
    second_page = _get(client, f"{LIST}?page=2")[0]

    assert plain["results"][0]["url"].startswith(f"http://testserver{LIST}")
    assert elsewhere["results"][0]["url"].startswith(f"http://other.example{LIST}")
    assert suffixed["results"][0]["url"].endswith(".json")
    assert plain["results"][0]["url"].endswith("/")
    assert plain["next"] == f"http://testserver{LIST}?page=2"
    assert elsewhere["next"] == f"http://other.example{LIST}?page=2"
    assert second_page["previous"] == f"http://testserver{LIST}"
    assert len(plain["results"]) == len(second_page["results"]) == 2
    assert {row["id"] for row in plain["results"]}.isdisjoint(
        row["id"] for row in second_page["results"]
    )


def test_an_invalid_page_is_404_and_keeps_nothing(draft, contact_person):
    client = token_client(contact_person)
    assert client.get(f"{LIST}?page=abc").status_code == 404
    assert client.get(f"{LIST}?page=").status_code == 404
    assert _titles(_get(client)[0]) == [draft.title]


def test_the_browsable_api_keeps_its_page_controls(
    draft, organization, call, contact_person, monkeypatch
):
    monkeypatch.setattr(StrictPageNumberPagination, "page_size", 1)
    Draft.objects.create(organization=organization, call=call, title="Zweiter Entwurf")
    client = token_client(contact_person)
    _get(client)  # the JSON memo exists
    for _ in range(2):
        page = client.get(LIST, HTTP_ACCEPT="text/html")
        assert page.status_code == 200
        assert 'class="pagination' in page.content.decode()
