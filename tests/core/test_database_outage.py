"""A lost database connection is an outage wherever it surfaces: in a view
(DatabaseUnavailableMiddleware) or before the view, in a middleware that
loads the signed-in person (Django's handler500, core.views.server_error).
Both answer 503 with the page that needs no database; other errors stay
500. The outage under load: tests/operations/test_database_restart.py."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def _get_with_user_loading_failing(error: Exception):
    client = Client(raise_request_exception=False)
    with mock.patch("django.contrib.auth.get_user", side_effect=error):
        return client.get("/veranstaltungen/")


def test_a_lost_connection_in_a_middleware_answers_503_with_the_german_page():
    response = _get_with_user_loading_failing(OperationalError("server closed the connection"))
    assert response.status_code == 503
    assert "nicht erreichbar" in response.content.decode()
    assert response["Retry-After"] == "120"


def test_any_other_error_in_a_middleware_stays_500():
    response = _get_with_user_loading_failing(ValueError("a bug"))
    assert response.status_code == 500
