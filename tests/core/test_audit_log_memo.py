"""The audit log's content is a memo (core/auditlog/views.py) keyed by the
person and every query parameter: the second visit reads less, a new entry
appears at once, each filter and page has its own, nobody without the right
sees it, and coordinators never get each other's memo."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ikone.accounts.models import User
from ikone.core.models import AuditEntry
from tests.core.helpers import get_counted, make_user, sign_in

pytestmark = pytest.mark.django_db

URL = reverse("core:audit_log")


def _entry(action: str, label: str = "") -> None:
    AuditEntry.objects.create(action=action, actor_label="system", target_label=label)


@pytest.fixture
def coordinator(db) -> User:
    return make_user("koordination@example.org", name="Kai Koordination", is_coordinator=True)


@pytest.fixture
def staff_member(db) -> User:
    return make_user("till@example.org", name="Till Team")


@pytest.fixture
def admin(db) -> User:
    return make_user("admin@example.org", name="Ada Admin", is_superuser=True, is_staff=True)


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    client = Client()
    sign_in(client, coordinator)
    return client


def test_the_log_is_read_once(coordinator_client):
    _entry("tests.memo.first", "Erstes Objekt")
    first, _ = get_counted(coordinator_client, URL)
    second, content = get_counted(coordinator_client, URL)
    assert second < first
    assert "Erstes Objekt" in content


def test_a_new_entry_and_a_renamed_person_appear_at_once(coordinator_client, coordinator):
    _entry("tests.memo.first", "Erstes Objekt")
    assert "Zweites Objekt" not in coordinator_client.get(URL).content.decode()
    _entry("tests.memo.second", "Zweites Objekt")
    assert "Zweites Objekt" in coordinator_client.get(URL).content.decode()

    AuditEntry.objects.create(action="tests.memo.person", actor=coordinator, actor_label="")
    by_name = f"{URL}?person=Kai"
    assert "tests.memo.person" in coordinator_client.get(by_name).content.decode()
    User.objects.filter(pk=coordinator.pk).update(name="Ria Umbenannt")
    assert "tests.memo.person" not in coordinator_client.get(by_name).content.decode()


def test_filters_and_pages_have_their_own_memo(coordinator_client):
    _entry("tests.alpha.done", "Alpha-Objekt")
    _entry("tests.beta.done", "Beta-Objekt")
    everything = coordinator_client.get(URL).content.decode()
    alpha = coordinator_client.get(f"{URL}?aktion=tests.alpha").content.decode()
    assert "Alpha-Objekt" in everything and "Beta-Objekt" in everything
    assert "Alpha-Objekt" in alpha and "Beta-Objekt" not in alpha
    assert 'value="tests.alpha"' in alpha and 'value="tests.alpha"' not in everything
    broken = coordinator_client.get(f"{URL}?von=kaputt").content.decode()
    assert 'value="kaputt"' in broken
    later = coordinator_client.get(f"{URL}?seite=2").content.decode()
    assert "Alpha-Objekt" not in later and "Keine Einträge" in later


def test_only_those_with_the_right_see_it_in_either_order(coordinator, staff_member, admin):
    _entry("tests.secret.done", "Geheimes Objekt")
    clients = {}
    for user in (coordinator, staff_member, admin):
        clients[user.pk] = Client()
        sign_in(clients[user.pk], user)
    for order in ((coordinator, staff_member, admin), (staff_member, admin, coordinator)):
        for user in order:
            response = clients[user.pk].get(URL)
            if user == staff_member:
                assert response.status_code == 403
                assert "Geheimes Objekt" not in response.content.decode()
            else:
                assert "Geheimes Objekt" in response.content.decode()
        _entry("tests.secret.again", "Noch ein Objekt")
