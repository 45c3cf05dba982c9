"""The OpenAPI document describes /api/v1/ only and generates cleanly."""

import io

import pytest
import yaml
from django.core.management import call_command


def test_the_schema_generates_without_warnings():
    out = io.StringIO()

    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)

    paths = yaml.safe_load(out.getvalue())["paths"]
    assert set(paths) == {"/api/v1/municipalities/", "/api/v1/municipalities/{ags}/"} | {
        path for path in paths if path.startswith("/api/v1/")
    }
    assert all(path.startswith("/api/v1/") for path in paths)


@pytest.mark.django_db
def test_the_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/schema/", headers={"Accept": "application/json"})
    docs = client.get("/api/v1/docs/")

    assert schema.status_code == 200
    assert "/api/v1/municipalities/{ags}/" in schema.json()["paths"]
    assert docs.status_code == 200
