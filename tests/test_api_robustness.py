"""schemathesis against the OpenAPI document at /api/v1/schema/: generated
requests to every operation never cause a server error, and every response
matches the schema (status codes, content types, bodies, headers).

The number of examples is bounded so the suite stays fast; run more with
`HYPOTHESIS_PROFILE=api-thorough`.
"""

from __future__ import annotations

import json
import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

from tests.municipalities.factories import DistrictFactory, MunicipalityFactory

settings.register_profile(
    "api-fast",
    # Fixed examples so that CI is repeatable; api-thorough explores.
    derandomize=True,
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "api-thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "api-fast"))


def application(environ, start_response):
    """The project as a WSGI app, built per request so that the test
    settings of the running test apply."""
    return WSGIHandler()(environ, start_response)


def _served_schema() -> dict:
    """The document exactly as /api/v1/schema/ serves it."""
    response = Client().get(
        "/api/v1/schema/", secure=True, headers={"Accept": "application/json", "Host": "localhost"}
    )
    assert response.status_code == 200, response
    return json.loads(response.content)


# Operations whose documented contract is not yet complete, each with what
# schemathesis found (closing note of 2026-12-04). Remove an entry once fixed.
KNOWN_GAPS: dict[str, str] = {}
schema = schemathesis.openapi.from_dict(_served_schema()).exclude(path=list(KNOWN_GAPS))
# The API answers a NUL character in any text with 400 and a German message
# (PostgreSQL text cannot hold it; docs/api.md says so), so generated text
# leaves it out rather than every operation declaring it.
schema.config.generation.update(allow_x00=False)
schema.app = application


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: the end of a request must not close the
    database connection the test's transaction runs on (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _units(db):
    """A few real units so that lookups can hit as well as miss."""
    district = DistrictFactory(ags="07335", name="Kaiserslautern", type_label="Landkreis")
    for number, name in enumerate(["Enkenbach-Alsenborn", "Otterberg", "Ramstein-Miesenbach"]):
        MunicipalityFactory(ags=f"07335{number + 1:03d}", name=name, district=district)


@schema.parametrize()
@PROFILE
def test_the_api_answers_every_generated_request_by_its_schema(case):
    # GZipMiddleware compresses for clients that accept gzip (schemathesis
    # says so by default), and the WSGI transport hands the compressed bytes
    # to the checks undecoded: ask for the plain body.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
