"""The coordinators' event list and an event's check-in list are memos
(events/manage_list_page.py, events/attendance_list.py): the second visit
reads less, each change to what they show appears on the next visit, each
person sees the events they may run, and no CSRF token is shared."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from ikone.accounts.models import Organization, User
from ikone.events.models import Event, Registration, RegistrationStatus
from tests.core.helpers import get_counted, sign_in
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = reverse("events:manage_list")


def _attendance(event, query: str = "") -> str:
    url = reverse("events:manage_attendance", kwargs={"slug": event.slug})
    return f"{url}?q={query}" if query else url


def _tokens(content: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', content))


# --- /veranstaltungen/verwaltung/ ---------------------------------------------------


def test_the_list_is_read_once(client, coordinator, event):
    RegistrationFactory(event=event)
    sign_in(client, coordinator)
    first, _ = get_counted(client, LIST)
    second, content = get_counted(client, LIST)
    assert second < first
    assert "Workshop Datenstrategie" in content


def test_each_change_to_the_list_appears_on_the_next_visit(client, coordinator, event):
    sign_in(client, coordinator)
    assert "Workshop Datenstrategie" in client.get(LIST).content.decode()

    Event.objects.filter(pk=event.pk).update(title="Workshop Umbenannt")
    assert "Workshop Umbenannt" in client.get(LIST).content.decode()

    EventFactory(title="Ganz neue Veranstaltung")
    assert "Ganz neue Veranstaltung" in client.get(LIST).content.decode()

    def confirmed_cell(content: str) -> str:
        row = content.split("Workshop Umbenannt")[1]
        return re.findall(r'kern-table__cell--numeric">([^<]*)<', row)[0]

    assert confirmed_cell(client.get(LIST).content.decode()) == "0 / 2"
    registration = RegistrationFactory(event=event)
    assert confirmed_cell(client.get(LIST).content.decode()) == "1 / 2"
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
    assert confirmed_cell(client.get(LIST).content.decode()) == "0 / 2"


def test_each_person_sees_the_events_they_run(coordinator, mentor, staff_member):
    EventFactory(title="Offen für Mentoren", allow_mentors_to_edit=True)
    EventFactory(title="Nur Koordination")
    edited = EventFactory(title="Von Till betreut")
    edited.editors.add(staff_member)
    clients = {}
    for user in (coordinator, mentor, staff_member):
        clients[user.pk] = Client()
        sign_in(clients[user.pk], user)
    # Both orders: whoever comes first fills no memo the other one gets.
    for order in ((coordinator, mentor, staff_member), (staff_member, mentor, coordinator)):
        seen = {user.pk: clients[user.pk].get(LIST).content.decode() for user in order}
        everything = seen[coordinator.pk]
        assert "Nur Koordination" in everything and "Von Till betreut" in everything
        assert "Neue Veranstaltung anlegen" in everything
        assert "Offen für Mentoren" in seen[mentor.pk]
        assert "Nur Koordination" not in seen[mentor.pk]
        assert "Von Till betreut" not in seen[mentor.pk]
        assert "Neue Veranstaltung anlegen" not in seen[mentor.pk]
        assert "Von Till betreut" in seen[staff_member.pk]
        assert "Nur Koordination" not in seen[staff_member.pk]
        assert "Offen für Mentoren" not in seen[staff_member.pk]
    User.objects.filter(pk=mentor.pk).update(is_mentor=False)
    assert clients[mentor.pk].get(LIST).status_code == 403
    edited.editors.remove(staff_member)
    assert clients[staff_member.pk].get(LIST).status_code == 403


def test_pages_have_their_own_memo(client, coordinator):
    for number in range(51):
        EventFactory(title=f"Reihe {number:02d}")
    sign_in(client, coordinator)
    first = client.get(LIST).content.decode()
    second = client.get(f"{LIST}?seite=2").content.decode()
    assert first.count("Reihe ") == 50 and second.count("Reihe ") == 1
    assert "Seite 2 von 2" in second


# --- /veranstaltungen/<slug>/verwaltung/anwesenheit/ --------------------------------


def test_the_check_in_list_is_read_once(client, coordinator, event, staff_member):
    RegistrationFactory(event=event, person=staff_member)
    sign_in(client, coordinator)
    first, _ = get_counted(client, _attendance(event))
    second, content = get_counted(client, _attendance(event))
    assert second < first
    assert "Till Team" in content


def test_each_change_to_the_check_in_list_appears_on_the_next_visit(
    client, coordinator, event, staff_member, organization
):
    registration = RegistrationFactory(event=event, person=staff_member, organization=organization)
    sign_in(client, coordinator)
    assert "Till Team" in client.get(_attendance(event)).content.decode()

    User.objects.filter(pk=staff_member.pk).update(name="Till Umbenannt")
    assert "Till Umbenannt" in client.get(_attendance(event)).content.decode()

    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in client.get(_attendance(event)).content.decode()

    content = client.get(_attendance(event)).content.decode()
    assert '<span id="attended-count">0</span>' in content and " checked>" not in content
    client.post(
        reverse("events:manage_check_in", kwargs={"slug": event.slug, "pk": registration.pk}),
        {"attended": "1"},
    )
    content = client.get(_attendance(event)).content.decode()
    assert '<span id="attended-count">1</span>' in content and " checked>" in content

    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
    assert "Till Umbenannt" not in client.get(_attendance(event)).content.decode()

    RegistrationFactory(event=event, person__name="Nina Neu")
    assert "Nina Neu" in client.get(_attendance(event)).content.decode()

    Event.objects.filter(pk=event.pk).update(slug="neuer-name", title="Workshop Neu")
    event.refresh_from_db()
    content = client.get(_attendance(event)).content.decode()
    assert "/veranstaltungen/neuer-name/verwaltung/anwesenheit/" in content
    assert "Anwesenheit: Workshop Neu" in content


def test_searches_and_htmx_have_their_own_check_in_list(client, coordinator, event):
    RegistrationFactory(event=event, person__name="Anna Alpha")
    RegistrationFactory(event=event, person__name="Bernd Beta")
    sign_in(client, coordinator)
    everyone = client.get(_attendance(event)).content.decode()
    anna = client.get(_attendance(event, "Anna")).content.decode()
    assert "Anna Alpha" in everyone and "Bernd Beta" in everyone
    assert "Anna Alpha" in anna and "Bernd Beta" not in anna
    assert 'name="q" value="Anna"' in anna
    nobody = client.get(_attendance(event, "Zora")).content.decode()
    assert "Niemand gefunden" in nobody
    fragment = client.get(_attendance(event), headers={"HX-Request": "true"}).content.decode()
    assert "data-js-hidden hidden" in fragment and "data-js-hidden hidden" not in everyone


def test_the_check_in_list_has_each_requests_token(coordinator, event, staff_member):
    RegistrationFactory(event=event, person=staff_member)
    first, second = Client(), Client()
    sign_in(first, coordinator)
    sign_in(second, coordinator)
    one = _tokens(
        first.get(_attendance(event)).content.decode().split('id="attendance-results"')[1]
    )
    other = _tokens(
        second.get(_attendance(event)).content.decode().split('id="attendance-results"')[1]
    )
    assert len(one) == 1 and len(other) == 1 and one != other
    assert not any(token.startswith("csrf") and len(token) == 36 for token in one | other)


def test_the_right_to_check_in_is_checked_before_the_memo(
    client, coordinator, staff_member, event
):
    RegistrationFactory(event=event, person__name="Geheim Person")
    sign_in(client, coordinator)
    assert "Geheim Person" in client.get(_attendance(event)).content.decode()
    client.logout()
    sign_in(client, staff_member)
    response = client.get(_attendance(event))
    assert response.status_code in (403, 404)
    assert "Geheim Person" not in response.content.decode()


def test_each_person_gets_the_tabs_of_their_rights_in_either_order(
    coordinator, staff_member, event
):
    event.editors.add(staff_member)
    RegistrationFactory(event=event, person__name="Nina Neu")
    clients = {}
    for user in (coordinator, staff_member):
        clients[user.pk] = Client()
        sign_in(clients[user.pk], user)
    feedback = reverse("events:manage_feedback", kwargs={"slug": event.slug})
    for order in ((coordinator, staff_member), (staff_member, coordinator)):
        seen = {
            user.pk: clients[user.pk].get(_attendance(event)).content.decode() for user in order
        }
        assert feedback in seen[coordinator.pk] and "Nina Neu" in seen[coordinator.pk]
        assert feedback not in seen[staff_member.pk] and "Nina Neu" in seen[staff_member.pk]
