"""The event page's content is a memo per signed-in person
(events/views/public.py `_detail_memo`): the second visit reads less, each
table the page shows outdates it, the clock's decisions are part of the key,
and nobody gets another person's registration, link, materials or token."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ikone.accounts.models import Organization
from ikone.events.models import AgendaItem, Event, Material, Registration, RegistrationStatus
from tests.core.helpers import get_counted, sign_in
from tests.events.factories import (
    AgendaItemFactory,
    EventFactory,
    MaterialFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def _url(event) -> str:
    return reverse("events:detail", kwargs={"slug": event.slug})


def _signed_in(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _form_tokens(content: str) -> set[str]:
    section = content.split('id="anmeldung"')[1].split("</section>")[0]
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', section))


def test_the_page_is_read_once(staff_member, event):
    SpeakerFactory(event=event, name="Dr. Beispiel")
    client = _signed_in(staff_member)
    first, _ = get_counted(client, _url(event))
    second, content = get_counted(client, _url(event))
    assert second < first
    assert "Dr. Beispiel" in content and "Jetzt anmelden" in content


def test_each_table_appears_on_the_next_visit(staff_member, organization, event):
    client = _signed_in(staff_member)
    assert "Jetzt anmelden" in client.get(_url(event)).content.decode()

    Event.objects.filter(pk=event.pk).update(title="Workshop Umbenannt", place="Kaiserslautern")
    content = client.get(_url(event)).content.decode()
    assert content.count("Workshop Umbenannt") >= 3 and "Kaiserslautern" in content

    SpeakerFactory(event=event, name="Dr. Neu")
    assert "Dr. Neu" in client.get(_url(event)).content.decode()
    item = AgendaItemFactory(event=event, title="Impuls am Morgen")
    assert "Impuls am Morgen" in client.get(_url(event)).content.decode()
    AgendaItem.objects.filter(pk=item.pk).update(title="Impuls am Abend")
    assert "Impuls am Abend" in client.get(_url(event)).content.decode()

    material = MaterialFactory(event=event, title="Folien für alle")
    assert "Folien für alle" in client.get(_url(event)).content.decode()
    Material.objects.filter(pk=material.pk).update(visibility="participants")
    assert "Folien für alle" not in client.get(_url(event)).content.decode()

    registration = RegistrationFactory(event=event, person=staff_member, organization=organization)
    content = client.get(_url(event)).content.decode()
    assert "Sie sind angemeldet (für Stadt Astadt" in content or "Sie sind angemeldet" in content
    assert "Folien für alle" in content and "meet.example.org" in content
    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in client.get(_url(event)).content.decode()
    RegistrationFactory(event=event)
    assert "2 von 2 Plätzen belegt" in client.get(_url(event)).content.decode()
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
    content = client.get(_url(event)).content.decode()
    assert "Jetzt anmelden" in content and "meet.example.org" not in content


def test_the_clock_decides_anew(staff_member, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=1)
    event = EventFactory(starts_at=soon, ends_at=soon + datetime.timedelta(hours=1))
    client = _signed_in(staff_member)
    assert "Jetzt anmelden" in client.get(_url(event)).content.decode()
    later = timezone.now() + datetime.timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    content = client.get(_url(event)).content.decode()
    assert "Jetzt anmelden" not in content and "Die Veranstaltung ist vorbei." in content


def test_each_person_sees_their_own_page_in_either_order(staff_member, other_staff, coordinator):
    event = EventFactory(meeting_url="https://meet.example.org/geheimer-raum")
    RegistrationFactory(event=event, person=staff_member)
    MaterialFactory(event=event, title="Nur für Teilnehmende", visibility="participants")
    clients = {user.pk: _signed_in(user) for user in (staff_member, other_staff, coordinator)}
    for order in (
        (staff_member, other_staff, coordinator),
        (coordinator, other_staff, staff_member),
    ):
        seen = {user.pk: clients[user.pk].get(_url(event)).content.decode() for user in order}
        mine, theirs, coordination = (
            seen[staff_member.pk],
            seen[other_staff.pk],
            seen[coordinator.pk],
        )
        assert "Sie sind angemeldet" in mine and "geheimer-raum" in mine
        assert "Nur für Teilnehmende" in mine
        assert "Sie sind angemeldet" not in theirs and "geheimer-raum" not in theirs
        assert "Nur für Teilnehmende" not in theirs and "Veranstaltung verwalten" not in theirs
        assert "Veranstaltung verwalten" in coordination and "geheimer-raum" in coordination
        assert "Sie sind angemeldet" not in coordination
        tokens = [_form_tokens(page) for page in (mine, theirs)]
        assert all(len(found) == 1 for found in tokens) and tokens[0] != tokens[1]


def test_a_refused_registration_is_rendered_anew(person, event):
    client = _signed_in(person)
    client.get(_url(event))
    register = reverse("events:register", kwargs={"slug": event.slug})
    response = client.post(register, {"note": "x" * 5000, "accessibility_needs": "Getippt"})
    assert response.status_code == 400
    assert "Getippt" in response.content.decode()
    assert "Getippt" not in client.get(_url(event)).content.decode()
