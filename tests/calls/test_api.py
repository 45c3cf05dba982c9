"""/api/v1/calls/ and /api/v1/calls/<slug>/."""

from __future__ import annotations

import pytest

from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def test_list_with_status_filter(client, django_assert_max_num_queries):
    make_call("offen-api")
    make_call("zu-api", status="closed")
    with django_assert_max_num_queries(3):
        data = client.get("/api/v1/calls/").json()
    assert {c["slug"] for c in data["results"]} == {"offen-api", "zu-api"}
    assert data["results"][0]["slug"] == "offen-api"  # open first
    assert data["results"][0]["federal_share"] == "65.00"
    closed = client.get("/api/v1/calls/", {"status": "closed"}).json()
    assert [c["slug"] for c in closed["results"]] == ["zu-api"]
    assert client.get("/api/v1/calls/", {"status": "quatsch"}).status_code == 400


def test_detail_has_sections_criteria_documents_phases_and_rates(
    client, django_assert_max_num_queries
):
    make_call("detail-api", amended=True)
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/calls/detail-api/")
    data = response.json()
    assert data["current_version"] == 2
    assert data["federal_share_budget_emergency"] == "90.00"
    assert [p["key"] for p in data["phases"]] == ["A", "B"]
    assert [d["mandatory"] for d in data["required_documents"]] == [True, False]
    assert data["criteria"][0] == {
        "id": data["criteria"][0]["id"],
        "key": "beteiligung",
        "group": "",
        "title": "Beteiligung",
        "description": "",
        "weight": "20.00",
    }
    section = next(s for s in data["sections"] if s["number"] == "1.2")
    assert section["parent_number"] == "1"
    assert section["anchor"] == "abschnitt-1-2"
    assert section["text_plain"] == "Personal, Sachmittel und Beratung."
    assert section["url"].endswith("/foerderaufrufe/detail-api/#abschnitt-1-2")


def test_unknown_call_is_404(client):
    assert client.get("/api/v1/calls/gibt-es-nicht/").status_code == 404


def test_schema_documents_the_calls_endpoints(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "/api/v1/calls/" in schema["paths"]
    assert "/api/v1/calls/{slug}/" in schema["paths"]
