"""/veranstaltungen/ keeps count and cards of a page in a memo
(events/list_rows.event_results): each change, and the end of an event,
shows on the next visit; people who see different events never share one."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.events.models import EventStatus
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LIST = reverse("events:list")


def test_a_change_shows_on_the_next_visit(client, staff_member):
    sign_in(client, staff_member)
    event = EventFactory(title="Erster Workshop", capacity=10)
    assert "Erster Workshop" in client.get(LIST).content.decode()

    EventFactory(title="Zweiter Workshop")
    page = client.get(LIST).content.decode()
    assert "Zweiter Workshop" in page
    assert "2 Veranstaltungen gefunden" in page

    RegistrationFactory(event=event)
    assert "1 von 10 Plätzen belegt" in client.get(LIST).content.decode()

    event.title = "Umbenannter Workshop"
    event.status = EventStatus.CANCELLED
    event.save()
    page = client.get(LIST).content.decode()
    assert "Umbenannter Workshop" in page
    assert "Abgesagt" in page


def test_an_event_moves_to_the_past_when_it_ends(client, staff_member, monkeypatch):
    sign_in(client, staff_member)
    now = timezone.now()
    ending = EventFactory(
        title="Bald vorbei",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(minutes=5),
    )
    EventFactory(title="Später")
    assert "Bald vorbei" in client.get(LIST).content.decode()
    assert "Bald vorbei" not in client.get(LIST, {"zeit": "vergangen"}).content.decode()

    later = ending.ends_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Bald vorbei" not in client.get(LIST).content.decode()
    assert "Bald vorbei" in client.get(LIST, {"zeit": "vergangen"}).content.decode()


def test_people_who_see_other_events_do_not_share_the_memo(client, staff_member, coordinator):
    EventFactory(title="Entwurf eines Workshops", status=EventStatus.DRAFT)
    editable = EventFactory(title="Entwurf zum Mitschreiben", status=EventStatus.DRAFT)
    editable.editors.add(staff_member)

    sign_in(client, coordinator)
    page = client.get(LIST).content.decode()
    assert "Entwurf eines Workshops" in page
    assert "Entwurf zum Mitschreiben" in page

    client.logout()
    page = client.get(LIST).content.decode()
    assert "Entwurf" not in page

    sign_in(client, staff_member)
    page = client.get(LIST).content.decode()
    assert "Entwurf eines Workshops" not in page
    assert "Entwurf zum Mitschreiben" in page

    editable.editors.remove(staff_member)
    assert "Entwurf zum Mitschreiben" not in client.get(LIST).content.decode()
