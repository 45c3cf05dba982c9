"""The unbound edit form is a memo (views.manage._edit_form_html): each
change to what it shows appears on the next visit, coordinators and
mentors keep their own forms, and the CSRF token stays per request."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ikone.core.models import FieldOfAction
from ikone.events.models import Event
from tests.core.helpers import sign_in
from tests.events.factories import AgendaItemFactory, EventFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

URL = reverse("events:manage_edit", kwargs={"slug": "ws"})


def test_a_change_appears_on_the_next_visit(client, coordinator):
    event = EventFactory(slug="ws", title="Erster Titel")
    sign_in(client, coordinator)
    assert 'value="Erster Titel"' in client.get(URL).content.decode()

    Event.objects.filter(pk=event.pk).update(title="Zweiter Titel", place="Rathaus")
    content = client.get(URL).content.decode()
    assert 'value="Zweiter Titel"' in content
    assert 'value="Rathaus"' in content

    SpeakerFactory(event=event, name="Dr. Neu")
    assert 'value="Dr. Neu"' in client.get(URL).content.decode()

    AgendaItemFactory(event=event, title="Begrüßung")
    assert 'value="Begrüßung"' in client.get(URL).content.decode()

    field = FieldOfAction.objects.create(key="neu", label="Neues Handlungsfeld", position=99)
    assert "Neues Handlungsfeld" in client.get(URL).content.decode()
    event.fields_of_action.add(field)
    checked = re.search(rf'<input[^>]*value="{field.pk}"[^>]*>', client.get(URL).content.decode())
    assert checked is not None and "checked" in checked.group(0)


def test_mentors_do_not_get_the_coordinators_form(client, coordinator, mentor):
    EventFactory(slug="ws", allow_mentors_to_edit=True)
    sign_in(client, coordinator)
    assert 'name="allow_mentors_to_edit"' in client.get(URL).content.decode()

    client.logout()
    sign_in(client, mentor)
    assert 'name="allow_mentors_to_edit"' not in client.get(URL).content.decode()


def test_each_request_has_its_own_csrf_token(client, coordinator):
    EventFactory(slug="ws")
    sign_in(client, coordinator)
    first = client.get(URL).content.decode()
    client.logout()
    sign_in(client, coordinator)
    second = client.get(URL).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.findall(first)
    assert set(token.findall(first)).isdisjoint(token.findall(second))
