"""/api/v1/search/?q=: visibility, facets, pages, schema."""

from __future__ import annotations

import pytest

from ikone.core.search.models import Visibility
from ikone.core.search.selectors import PAGE_SIZE
from tests.search.conftest import put

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


def test_finds_with_stemming_and_marks_matches(client):
    put("call_section", 1, "3.1 Förderquote", "Gefördert werden 65 Prozent.")
    body = client.get(URL, {"q": "Foerderquoten"}).json()
    assert body["count"] == 1
    result = body["results"][0]
    assert result["title"] == "3.1 Förderquote"
    assert result["url"] == "http://testserver/call_section/1/"
    assert body["facets"] == [
        {"kind": "call_section", "label": "Abschnitte von Förderaufrufen", "count": 1}
    ]


def test_respects_visibility(client, client_for, network_member_a):
    put("question", 1, "Netzwerkfrage zur Antragsskizze", visibility=Visibility.NETWORK)
    assert client.get(URL, {"q": "Antragsskizze"}).json()["count"] == 0
    assert client_for("staff_a").get(URL, {"q": "Antragsskizze"}).json()["count"] == 1
    assert client_for("staff_b").get(URL, {"q": "Antragsskizze"}).json()["count"] == 0


def test_pages_link_to_each_other(client):
    for number in range(PAGE_SIZE + 1):
        put("municipality", number, f"Musterdorf {number}")
    first = client.get(URL, {"q": "Musterdorf"}).json()
    assert first["pages"] == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_invalid_page_is_a_clear_error(client):
    response = client.get(URL, {"q": "x", "page": "0"})
    assert response.status_code == 400 and "page" in response.json()


def test_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/search/" in schema["paths"]
