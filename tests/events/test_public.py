"""The public pages: /veranstaltungen/ and /veranstaltungen/<slug>/, who
sees what, registering and cancelling through the pages."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ikone.events.models import Audience, EventFormat, EventStatus, RegistrationStatus
from tests.accounts.factories import UserFactory
from tests.core.helpers import sign_in
from tests.events.factories import (
    AgendaItemFactory,
    EventFactory,
    EventSeriesFactory,
    MaterialFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("events:list")
# Layout 2 + filter choices (series, fields of action) + count + page
# + fields of action prefetch + session/user when signed in.
LIST_QUERIES = 9
# A participant's first visit: session, person, the layout's memos, event
# (with its confirmed count), fields of action, speakers, agenda, agenda
# speakers, memberships, registration, editors, materials. The speaker check
# reads the prefetched speakers (bench: 11 queries before, budget 10).
DETAIL_QUERIES = 13


def detail_url(event) -> str:
    return reverse("events:detail", kwargs={"slug": event.slug})


def past_event(**fields):
    start = timezone.now() - datetime.timedelta(days=30)
    return EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), **fields)


def test_the_list_shows_upcoming_events_and_past_ones_on_request(client):
    upcoming = EventFactory(title="Kommender Workshop")
    past = past_event(title="Vergangener Workshop")
    page = client.get(LIST).content.decode()
    assert upcoming.title in page
    assert past.title not in page
    page = client.get(LIST, {"zeit": "vergangen"}).content.decode()
    assert past.title in page
    assert upcoming.title not in page


def test_the_list_filters_by_format_series_and_field_of_action(client):
    from ikone.core.models import FieldOfAction

    field = FieldOfAction.objects.first()
    series = EventSeriesFactory(title="Workshopreihe", slug="workshopreihe")
    in_series = EventFactory(title="In der Reihe", series=series)
    onsite = EventFactory(title="Im Rathaus", format=EventFormat.ONSITE)
    tagged = EventFactory(title="Mit Handlungsfeld")
    tagged.fields_of_action.add(field)

    def titles(**params) -> set[str]:
        page = client.get(LIST, params).content.decode()
        return {
            title for title in ("In der Reihe", "Im Rathaus", "Mit Handlungsfeld") if title in page
        }

    assert titles(reihe="workshopreihe") == {in_series.title}
    assert titles(format="onsite") == {onsite.title}
    assert titles(handlungsfeld=field.key) == {tagged.title}


def test_an_unknown_filter_value_shows_an_error_and_does_not_filter(client):
    EventFactory(title="Kommender Workshop")
    response = client.get(LIST, {"format": "zirkus"})
    assert response.status_code == 200
    assert "Kommender Workshop" in response.content.decode()


def test_htmx_gets_only_the_results(client):
    EventFactory(title="Kommender Workshop")
    response = client.get(LIST, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "Kommender Workshop" in content
    assert "<html" not in content
    assert 'id="event-count"' in content


@pytest.mark.parametrize(
    ("who", "sees_draft"),
    [
        ("anonymous", False),
        ("staff_member", False),
        ("other_staff", False),
        ("contact_person", False),
        ("mentor", False),
        ("coordinator", True),
        ("admin", True),
    ],
)
def test_drafts_only_for_editors(who, sees_draft, client, request):
    draft = EventFactory(title="Entwurf eines Workshops", status=EventStatus.DRAFT)
    if who != "anonymous":
        sign_in(client, request.getfixturevalue(who))
    assert ("Entwurf eines Workshops" in client.get(LIST).content.decode()) is sees_draft
    assert client.get(detail_url(draft)).status_code == (200 if sees_draft else 404)


def test_mentors_see_drafts_they_may_edit(client, mentor):
    draft = EventFactory(status=EventStatus.DRAFT, allow_mentors_to_edit=True)
    sign_in(client, mentor)
    assert client.get(detail_url(draft)).status_code == 200


def test_cancelled_events_stay_visible_and_say_so(client):
    event = EventFactory(status=EventStatus.CANCELLED, cancellation_reason="Referentin erkrankt")
    content = client.get(detail_url(event)).content.decode()
    assert "abgesagt" in content
    assert "Referentin erkrankt" in content


def test_list_query_count_does_not_grow_with_events(client, django_assert_max_num_queries):
    from ikone.core.models import FieldOfAction

    fields = list(FieldOfAction.objects.all()[:2])
    series = EventSeriesFactory()
    for _ in range(12):
        event = EventFactory(series=series, capacity=10)
        event.fields_of_action.add(*fields)
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert response.content.decode().count('class="kern-card"') == 12


def test_detail_query_count_does_not_grow_with_agenda_and_speakers(
    client, staff_member, django_assert_max_num_queries
):
    event = EventFactory(capacity=30)
    speakers = SpeakerFactory.create_batch(4, event=event)
    for index in range(6):
        item = AgendaItemFactory(event=event, title=f"Punkt {index}", position=index)
        item.speakers.add(*speakers[:2])
    MaterialFactory.create_batch(3, event=event)
    RegistrationFactory.create_batch(5, event=event)
    RegistrationFactory(event=event, person=staff_member)
    sign_in(client, staff_member)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(detail_url(event))
    assert response.status_code == 200
    assert response.content.decode().count("Punkt ") >= 6


def test_detail_shows_agenda_speakers_public_materials_and_json_ld(client):
    event = EventFactory(title="Workshop <Daten> & Co", place="Kaiserslautern")
    speaker = SpeakerFactory(event=event, name="Dr. Beispiel", affiliation="Digitalagentur")
    item = AgendaItemFactory(event=event, title="Impuls")
    item.speakers.add(speaker)
    MaterialFactory(event=event, title="Öffentliche Folien")
    MaterialFactory(event=event, title="Interne Folien", visibility="participants")
    content = client.get(detail_url(event)).content.decode()
    assert "Impuls" in content
    assert "Dr. Beispiel" in content
    assert "Öffentliche Folien" in content
    assert "Interne Folien" not in content
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert "<Daten>" not in block
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == "Workshop <Daten> & Co"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["performer"][0]["name"] == "Dr. Beispiel"
    assert "meet.example.org" not in block


@pytest.mark.parametrize(
    ("who", "sees_link"),
    [
        ("anonymous", False),
        ("confirmed", True),
        ("waitlisted", False),
        ("cancelled", False),
        ("speaker", True),
        ("other_staff", False),
        ("mentor", False),
        ("coordinator", True),
        ("admin", True),
    ],
)
def test_the_meeting_link_only_for_participants_speakers_and_coordinators(
    who, sees_link, client, request
):
    event = EventFactory(meeting_url="https://meet.example.org/geheimer-raum")
    statuses = {
        "confirmed": RegistrationStatus.CONFIRMED,
        "waitlisted": RegistrationStatus.WAITLISTED,
        "cancelled": RegistrationStatus.CANCELLED,
    }
    if who in statuses:
        user = RegistrationFactory(event=event, status=statuses[who]).person
    elif who == "speaker":
        user = SpeakerFactory(event=event, user=UserFactory(), name="").user
    elif who == "anonymous":
        user = None
    else:
        user = request.getfixturevalue(who)
    if user is not None:
        sign_in(client, user)
    content = client.get(detail_url(event)).content.decode()
    assert ("geheimer-raum" in content) is sees_link


def test_register_through_the_page_and_cancel_again(client, staff_member, organization):
    event = EventFactory(capacity=1)
    sign_in(client, staff_member)
    response = client.post(
        reverse("events:register", kwargs={"slug": event.slug}),
        {"organization": organization.pk, "note": "", "accessibility_needs": "Untertitel"},
    )
    assert response.status_code == 302
    registration = event.registrations.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.accessibility_needs == "Untertitel"
    page = client.get(detail_url(event)).content.decode()
    assert "Sie sind angemeldet (für Stadt Astadt)" in page
    assert "Anmeldung stornieren" in page

    response = client.post(
        reverse("events:cancel_registration", kwargs={"slug": event.slug, "pk": registration.pk})
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_full_event_offers_the_waiting_list_and_shows_the_place(client, person):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    sign_in(client, person)
    assert "Auf die Warteliste" in client.get(detail_url(event)).content.decode()
    client.post(reverse("events:register", kwargs={"slug": event.slug}), {})
    page = client.get(detail_url(event)).content.decode()
    assert "auf Platz 1" in page
    assert "Warteliste" in mail.outbox[-1].subject


def test_a_refused_registration_keeps_the_typed_text(client, person):
    event = EventFactory(audience=Audience.MUNICIPAL_STAFF)
    sign_in(client, person)
    response = client.post(
        reverse("events:register", kwargs={"slug": event.slug}),
        {"note": "Bitte vegetarisch"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "richtet sich an Mitarbeitende von Kommunen" in content
    assert "Bitte vegetarisch" in content
    assert not event.registrations.exists()


def test_after_the_deadline_the_page_says_so(client, person):
    event = EventFactory(registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    sign_in(client, person)
    assert "Der Anmeldeschluss ist vorbei." in client.get(detail_url(event)).content.decode()


def test_anonymous_people_are_sent_to_the_login(client):
    event = EventFactory()
    assert "Anmelden, um teilzunehmen" in client.get(detail_url(event)).content.decode()
    response = client.post(reverse("events:register", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_one_cannot_cancel_someone_elses_registration(client, other_staff):
    registration = RegistrationFactory()
    sign_in(client, other_staff)
    response = client.post(
        reverse(
            "events:cancel_registration",
            kwargs={"slug": registration.event.slug, "pk": registration.pk},
        )
    )
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_the_description_is_sanitised_on_output(client):
    event = EventFactory(description='<p>Gut</p><script>alert("x")</script><img src=x onerror=y>')
    content = client.get(detail_url(event)).content.decode()
    assert "<p>Gut</p>" in content
    assert 'alert("x")' not in content
    assert "onerror" not in content
