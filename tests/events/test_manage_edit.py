"""Coordinators create and edit events (with speakers and agenda), publish,
withdraw and cancel them; concurrent edits never overwrite silently."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry, FieldOfAction
from ikone.events.models import Event, EventStatus, RegistrationStatus
from ikone.events.sanitize import clean_description
from ikone.events.services import management
from tests.core.helpers import sign_in
from tests.events.factories import (
    AgendaItemFactory,
    EventFactory,
    EventSeriesFactory,
    RegistrationFactory,
    SpeakerFactory,
)

BERLIN = timezone.get_fixed_timezone(60)


def _form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "3. virtueller Workshop",
        "slug": "",
        "summary": "Bewerbung als Smart City",
        "description": "Erster Absatz.\n\nZweiter Absatz.",
        "format": "online",
        "starts_at": "2027-01-12T10:00",
        "ends_at": "2027-01-12T12:30",
        "place": "",
        "meeting_url": "https://meet.example.org/ws3",
        "capacity": "40",
        "registration_deadline": "2027-01-11T12:00",
        "audience": "everyone",
        "series": "",
        "referierende-TOTAL_FORMS": "1",
        "referierende-INITIAL_FORMS": "0",
        "referierende-0-id": "",
        "referierende-0-email": "",
        "referierende-0-name": "",
        "referierende-0-affiliation": "",
        "referierende-0-role": "",
        "programm-TOTAL_FORMS": "1",
        "programm-INITIAL_FORMS": "0",
        "programm-0-id": "",
        "programm-0-starts_at": "",
        "programm-0-ends_at": "",
        "programm-0-title": "",
        "programm-0-description": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def test_coordinator_creates_a_draft_with_speakers_and_agenda(coordinator_client, mentor):
    field = FieldOfAction.objects.order_by("position").first()
    series = EventSeriesFactory(title="Workshopreihe Smart City Bewerbung")
    data = _form_data(
        series=str(series.pk),
        fields_of_action=[str(field.pk)] if field else [],
        **{
            "referierende-TOTAL_FORMS": "2",
            "referierende-0-email": mentor.email,
            "referierende-0-role": "Impuls",
            "referierende-1-name": "Dr. Gast",
            "referierende-1-affiliation": "Digitalagentur",
            "referierende-1-id": "",
            "referierende-1-email": "",
            "referierende-1-role": "",
            "programm-0-starts_at": "10:00",
            "programm-0-ends_at": "10:30",
            "programm-0-title": "Begrüßung",
        },
    )
    response = coordinator_client.post(reverse("events:manage_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="3-virtueller-workshop")
    assert event.status == EventStatus.DRAFT
    assert event.starts_at == datetime.datetime(2027, 1, 12, 10, 0, tzinfo=BERLIN)
    assert event.description == "<p>Erster Absatz.</p><p>Zweiter Absatz.</p>"
    assert event.series == series
    assert [speaker.display_name for speaker in event.speakers.all()] == [
        "Mia Mentorin",
        "Dr. Gast",
    ]
    item = event.agenda.get()
    assert item.title == "Begrüßung"
    assert item.starts_at == datetime.datetime(2027, 1, 12, 10, 0, tzinfo=BERLIN)
    assert AuditEntry.objects.filter(
        action="events.event.created", target_id=str(event.pk)
    ).exists()


def test_bad_input_gets_german_errors_and_keeps_what_was_typed(coordinator_client):
    data = _form_data(
        ends_at="2027-01-12T09:00",
        capacity="null",
        **{"referierende-0-email": "niemand@example.org"},
    )
    response = coordinator_client.post(reverse("events:manage_create"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Das Ende liegt vor dem Beginn." in content
    assert "Ganzzahl" in content or "ganze Zahl" in content
    assert "Zu dieser E-Mail-Adresse gibt es kein Konto." in content
    assert "3. virtueller Workshop" in content
    assert not Event.objects.exists()


def test_add_row_buttons_add_a_row_without_saving(coordinator_client):
    data = _form_data(add_speaker="1")
    response = coordinator_client.post(reverse("events:manage_create"), data)
    assert response.status_code == 200
    assert 'name="referierende-1-name"' in response.content.decode()
    assert not Event.objects.exists()


def test_reserved_and_taken_slugs_are_refused(coordinator_client):
    EventFactory(slug="vergeben")
    response = coordinator_client.post(reverse("events:manage_create"), _form_data(slug="neu"))
    assert "reserviert" in response.content.decode()
    response = coordinator_client.post(
        reverse("events:manage_create"), _form_data(slug="vergeben")
    )
    assert response.status_code == 400
    assert "schon vergeben" in response.content.decode()


def _edit_data(event: Event, **overrides: Any) -> dict[str, Any]:
    local = timezone.localtime
    data = _form_data(
        title=event.title,
        slug=event.slug,
        starts_at=local(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        ends_at=local(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
        registration_deadline="",
        capacity="",
        version=str(event.version),
    )
    data.update(overrides)
    return data


def test_edit_saves_and_counts_the_version_and_calendar_sequence(coordinator_client):
    event = EventFactory(title="Alt", slug="alt")
    url = reverse("events:manage_edit", kwargs={"slug": "alt"})
    assert coordinator_client.get(url).status_code == 200
    response = coordinator_client.post(
        url, _edit_data(event, title="Neu", ends_at="2030-01-01T10:00")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.version, event.ics_sequence) == ("Neu", 2, 1)
    entry = AuditEntry.objects.get(action="events.event.updated")
    assert "title" in entry.data["fields"]


def test_a_concurrent_edit_is_refused_and_keeps_what_was_typed(coordinator_client, coordinator):
    event = EventFactory(title="Alt", slug="alt")
    stale = _edit_data(event, title="Meine Fassung")
    # A colleague saves first.
    colleague_data = management.EventData(
        title="Fassung der Kollegin",
        slug="alt",
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        meeting_url=event.meeting_url,
    )
    management.event_update(
        event=event, data=colleague_data, based_on=1, actor=Actor(user=coordinator)
    )
    url = reverse("events:manage_edit", kwargs={"slug": "alt"})
    response = coordinator_client.post(url, stale)
    assert response.status_code == 409
    content = response.content.decode()
    assert "während Sie sie bearbeitet haben" in content
    assert "Meine Fassung" in content
    assert 'name="version" value="2"' in content
    assert "weicht von der gespeicherten ab bei: Titel" in content
    event.refresh_from_db()
    assert event.title == "Fassung der Kollegin"
    # Saving again, now based on the current version, is deliberate.
    stale["version"] = "2"
    assert coordinator_client.post(url, stale).status_code == 302
    event.refresh_from_db()
    assert event.title == "Meine Fassung"


def test_edit_changes_and_deletes_speakers_and_agenda(coordinator_client):
    event = EventFactory(slug="ws")
    speaker = SpeakerFactory(event=event, name="Alte Rednerin")
    item = AgendaItemFactory(event=event, title="Alter Punkt")
    url = reverse("events:manage_edit", kwargs={"slug": "ws"})
    data = _edit_data(
        event,
        **{
            "referierende-TOTAL_FORMS": "1",
            "referierende-INITIAL_FORMS": "1",
            "referierende-0-id": str(speaker.pk),
            "referierende-0-name": "Neue Rednerin",
            "programm-TOTAL_FORMS": "1",
            "programm-INITIAL_FORMS": "1",
            "programm-0-id": str(item.pk),
            "programm-0-title": "Alter Punkt",
            "programm-0-DELETE": "on",
            "programm-0-speakers": [str(speaker.pk)],
        },
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    speaker.refresh_from_db()
    assert speaker.name == "Neue Rednerin"
    assert not event.agenda.exists()


def test_description_is_sanitised():
    dirty = '<p onclick="x()">Hallo <script>alert(1)</script><a href="javascript:x">Link</a></p>'
    clean = clean_description(dirty)
    assert "script" not in clean
    assert "onclick" not in clean
    assert "javascript" not in clean
    assert clean.startswith("<p>Hallo")


def test_publish_unpublish_and_cancel(coordinator_client, staff_member):
    event = EventFactory(slug="ws", status=EventStatus.DRAFT)
    status_url = reverse("events:manage_status", kwargs={"slug": "ws"})
    coordinator_client.post(status_url, {"action": "publish"})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    RegistrationFactory(event=event, person=staff_member)
    response = coordinator_client.post(status_url, {"action": "unpublish"}, follow=True)
    assert "Es gibt schon Anmeldungen" in response.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED

    cancel_url = reverse("events:manage_cancel", kwargs={"slug": "ws"})
    response = coordinator_client.post(cancel_url, {"reason": "Krankheit"})
    assert response.status_code == 400
    assert "Bitte bestätigen Sie die Absage." in response.content.decode()
    mail.outbox.clear()
    coordinator_client.post(cancel_url, {"reason": "Krankheit", "confirm": "on"})
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert event.cancellation_reason == "Krankheit"
    assert [message.to for message in mail.outbox] == [[staff_member.email]]
    assert event.registrations.get().status == RegistrationStatus.CONFIRMED


def test_services_refuse_people_who_do_not_run_the_event(staff_member, mentor):
    event = EventFactory(slug="ws")
    data = management.EventData(title="X", starts_at=event.starts_at, ends_at=event.ends_at)
    with pytest.raises(PermissionDenied):
        management.event_create(data=data, actor=Actor(user=mentor))
    with pytest.raises(PermissionDenied):
        management.event_update(event=event, data=data, based_on=1, actor=Actor(user=staff_member))
    with pytest.raises(PermissionDenied):
        management.event_publish(event=event, actor=Actor(user=mentor))


def test_allowed_mentor_edits_but_cannot_change_who_helps(client, mentor):
    event = EventFactory(slug="ws", allow_mentors_to_edit=True)
    sign_in(client, mentor)
    url = reverse("events:manage_edit", kwargs={"slug": "ws"})
    content = client.get(url).content.decode()
    assert 'name="allow_mentors_to_edit"' not in content
    assert client.post(url, _edit_data(event, title="Von der Mentorin")).status_code == 302
    event.refresh_from_db()
    assert event.title == "Von der Mentorin"
    assert event.allow_mentors_to_edit is True


def test_manage_list_query_count(coordinator_client, django_assert_max_num_queries):
    for number in range(5):
        event = EventFactory(slug=f"ws-{number}")
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(reverse("events:manage_list"))
    assert response.status_code == 200
    assert response.content.decode().count("ws-") >= 5


def test_edit_page_query_count(coordinator_client, django_assert_max_num_queries):
    event = EventFactory(slug="ws")
    speakers = [SpeakerFactory(event=event) for _ in range(4)]
    for number in range(6):
        item = AgendaItemFactory(event=event, title=f"Punkt {number}")
        item.speakers.set(speakers[:2])
    with django_assert_max_num_queries(15):
        response = coordinator_client.get(reverse("events:manage_edit", kwargs={"slug": "ws"}))
    assert response.status_code == 200
