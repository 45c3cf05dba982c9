"""Error pages: German HTML for people, JSON for the REST API."""

import pytest


@pytest.mark.django_db
def test_a_missing_page_is_the_german_404_page(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/gibt-es-nicht/", "/api/v1/municipalities/%C2%84/"])
def test_a_missing_api_address_answers_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}
