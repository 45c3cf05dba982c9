"""The client's address behind the documented reverse proxy, and rate limits
on every expensive endpoint whatever the method (issue 11.10)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from ikone.core.audit import Actor
from ikone.core.clientip import client_ip
from ikone.core.ratelimit import request_key
from tests.accounts.factories import CoordinatorFactory
from tests.core.helpers import sign_in

FORWARDED = "203.0.113.9, 198.51.100.7"  # client-sent entry, then what the proxy saw


def _request(remote="10.0.0.2", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_header_is_ignored():
    assert client_ip(_request(forwarded=FORWARDED)) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_one_proxy_the_last_entry_is_the_client():
    assert client_ip(_request(forwarded=FORWARDED)) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_proxies_count_from_the_right():
    assert client_ip(_request(forwarded=FORWARDED)) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_too_few_entries_or_garbage_fall_back_to_the_connection():
    assert client_ip(_request(forwarded="198.51.100.7")) == "10.0.0.2"
    assert client_ip(_request(forwarded="kein-ip, 198.51.100.7")) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_audit_log_records_the_real_address():
    request = _request(forwarded=FORWARDED)
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert Actor.from_request(request).ip_address == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_rate_limits_count_the_real_client_not_the_proxy():
    """Two clients behind the same proxy have separate budgets; one client
    cannot escape its budget by sending its own X-Forwarded-For entries."""

    def key(forwarded):
        request = _request(forwarded=forwarded)
        request.user = type("Anonymous", (), {"is_authenticated": False})()
        return request_key(request, "user_or_ip")

    assert key("1.2.3.4, 198.51.100.7") == key("5.6.7.8, 198.51.100.7") == "ip:198.51.100.7"
    assert key("198.51.100.8") != key("198.51.100.7")


ANONYMOUS_ENDPOINTS = [
    "/suche/?q=datenstrategie",
    "/fragen/vorschlaege/?title=Foerderquote",
    "/veranstaltungen/feed.ics",
    "/veranstaltungen/irgendein-workshop.ics",
    "/foerderaufrufe/irgendein-aufruf.ics",
]
SIGNED_IN_ENDPOINTS = [
    "/bewerbungen/999/export.pdf",
    "/bewerbungen/999/export.docx",
    "/veranstaltungen/irgendein-workshop/verwaltung/teilnehmende.csv",
    "/veranstaltungen/irgendein-workshop/verwaltung/teilnehmende.xlsx",
]


@pytest.fixture
def budget_used_up(monkeypatch):
    """Every limiter reports its budget as used up, so an endpoint answers
    429 exactly when its limiter looks at the request."""
    monkeypatch.setattr("ikone.core.ratelimit.consume", lambda *args, **kwargs: 60)


def _statuses(client, url):
    path, _sep, query = url.partition("?")
    params = dict(part.split("=") for part in query.split("&")) if query else {}
    return {
        "GET": client.get(path, params).status_code,
        "HEAD": client.head(path, params).status_code,
        "POST": client.post(path, params).status_code,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", ANONYMOUS_ENDPOINTS)
def test_public_expensive_endpoints_are_limited_for_every_method(client, budget_used_up, url):
    statuses = _statuses(client, url)
    # Served methods hit the limiter; others are refused before any work.
    assert statuses["GET"] == 429, statuses
    assert set(statuses.values()) <= {405, 429}, statuses


@pytest.mark.django_db
@pytest.mark.parametrize("url", SIGNED_IN_ENDPOINTS)
def test_signed_in_expensive_endpoints_are_limited_for_every_method(client, budget_used_up, url):
    sign_in(client, CoordinatorFactory())
    statuses = _statuses(client, url)
    # Served methods hit the limiter; others are refused before any work.
    assert statuses["GET"] == 429, statuses
    assert set(statuses.values()) <= {405, 429}, statuses
