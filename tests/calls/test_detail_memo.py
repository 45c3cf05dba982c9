"""The call's page and its API entry are memos (calls.detail_page,
api.views.calls): each change to what they show appears on the next visit,
the countdown follows the clock, and coordinators' link stays theirs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.calls import deadlines
from ikone.calls.models import Call, CallSection, RequiredDocument
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def test_a_change_to_the_call_appears_on_the_next_visit(client):
    call = make_call("memo")
    url = call.get_absolute_url()
    assert "Testaufruf memo" in client.get(url).content.decode()

    Call.objects.filter(pk=call.pk).update(title="Neuer Titel", funder="Anderes Ministerium")
    content = client.get(url).content.decode()
    assert "<title>Neuer Titel" in content or "Neuer Titel –" in content
    assert 'id="call-heading">Neuer Titel</h1>' in content
    assert "Anderes Ministerium" in content

    RequiredDocument.objects.filter(call=call, title="Ratsbeschluss").update(title="Beschluss")
    assert "<strong>Beschluss</strong>" in client.get(url).content.decode()

    CallSection.objects.filter(version__call=call, number="1.2").update(title="Ausgaben neu")
    assert "1.2</span> Ausgaben neu" in client.get(url).content.decode()


def test_the_countdown_follows_the_clock(client, monkeypatch):
    call = make_call("frist")
    url = call.get_absolute_url()
    assert "noch 23 Tage" in client.get(url).content.decode()

    later = timezone.now() + dt.timedelta(days=30)
    monkeypatch.setattr(deadlines.timezone, "now", lambda: later)
    content = client.get(url).content.decode()
    assert "(Frist abgelaufen)" in content
    assert "noch 23 Tage" not in content


def test_only_coordinators_get_the_amendment_link(client, client_for):
    call = make_call("link")
    amend = reverse("calls:amend", kwargs={"slug": call.slug})
    assert amend in client_for("coordinator").get(call.get_absolute_url()).content.decode()
    assert amend not in client_for("contact_a").get(call.get_absolute_url()).content.decode()
    assert amend not in client.get(call.get_absolute_url()).content.decode()
    assert amend in client_for("coordinator").get(call.get_absolute_url()).content.decode()


def test_languages_are_kept_apart(client):
    call = make_call("sprache")
    german = client.get(call.get_absolute_url()).content.decode()
    english = client.get(
        "/en" + call.get_absolute_url(), headers={"Accept-Language": "en"}
    ).content.decode()
    assert "Eckdaten" in german
    assert "Eckdaten" not in english
    assert 'href="/en/foerderaufrufe/sprache/versionen/"' in english


def test_the_api_shows_a_change_on_the_next_request(client):
    make_call("api-memo")
    assert client.get("/api/v1/calls/api-memo/").json()["title"] == "Testaufruf api-memo"

    Call.objects.filter(slug="api-memo").update(title="Geändert")
    assert client.get("/api/v1/calls/api-memo/").json()["title"] == "Geändert"

    CallSection.objects.filter(version__call__slug="api-memo", number="2").update(
        text="<p>Neu.</p>"
    )
    data = client.get("/api/v1/calls/api-memo/").json()
    assert next(s for s in data["sections"] if s["number"] == "2")["text_plain"] == "Neu."


def test_the_api_addresses_follow_the_scheme(client):
    make_call("api-scheme")
    plain = client.get("/api/v1/calls/api-scheme/").json()
    secure = client.get("/api/v1/calls/api-scheme/", secure=True).json()
    assert plain["url"].startswith("http://")
    assert secure["url"].startswith("https://")
