"""/api/v1/events/ and /api/v1/events/<slug>/: public events only, filters,
no meeting link, bounded queries."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ikone.events.models import EventFormat, EventStatus
from tests.core.helpers import sign_in
from tests.events.factories import (
    AgendaItemFactory,
    EventFactory,
    EventSeriesFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db
LIST = "/api/v1/events/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [event["slug"] for event in response.json()["results"]]


def test_lists_public_upcoming_events_without_drafts(client, coordinator):
    published = EventFactory(slug="offen")
    cancelled = EventFactory(slug="abgesagt", status=EventStatus.CANCELLED)
    EventFactory(slug="entwurf", status=EventStatus.DRAFT)
    assert slugs(client.get(LIST)) == [published.slug, cancelled.slug] or set(
        slugs(client.get(LIST))
    ) == {published.slug, cancelled.slug}
    # Also for coordinators: the API shows what is public.
    sign_in(client, coordinator)
    assert "entwurf" not in slugs(client.get(LIST))


def test_filters(client):
    series = EventSeriesFactory(slug="workshopreihe")
    start = timezone.now() - datetime.timedelta(days=10)
    EventFactory(slug="vergangen", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    EventFactory(slug="in-reihe", series=series)
    EventFactory(slug="vor-ort", format=EventFormat.ONSITE)
    assert slugs(client.get(LIST, {"when": "past"})) == ["vergangen"]
    assert slugs(client.get(LIST, {"series": "workshopreihe"})) == ["in-reihe"]
    assert slugs(client.get(LIST, {"event_format": "onsite"})) == ["vor-ort"]
    assert client.get(LIST, {"event_format": "zirkus"}).status_code == 400


def test_list_queries_are_bounded(client, django_assert_max_num_queries):
    for _ in range(10):
        event = EventFactory(capacity=5)
        RegistrationFactory(event=event)
    with django_assert_max_num_queries(4):
        response = client.get(LIST)
    [first, *_] = response.json()["results"]
    assert first["confirmed_registrations"] == 1
    assert first["url"].endswith(f"/veranstaltungen/{first['slug']}/")
    assert first["ics_url"].endswith(f"/veranstaltungen/{first['slug']}.ics")


def test_detail_with_agenda_and_speakers_but_no_meeting_link(client):
    event = EventFactory(slug="mit-programm", meeting_url="https://meet.example.org/geheim")
    speaker = SpeakerFactory(event=event, name="Dr. Beispiel")
    item = AgendaItemFactory(event=event, title="Impuls")
    item.speakers.add(speaker)
    response = client.get(f"{LIST}mit-programm/")
    assert response.status_code == 200
    data = response.json()
    assert data["agenda"][0]["speakers"][0]["name"] == "Dr. Beispiel"
    assert data["speakers"][0]["name"] == "Dr. Beispiel"
    assert "geheim" not in response.content.decode()
    assert "meeting_url" not in data


def test_drafts_are_not_found(client):
    EventFactory(slug="entwurf", status=EventStatus.DRAFT)
    assert client.get(f"{LIST}entwurf/").status_code == 404


@pytest.mark.parametrize("language", ["de", "en"])
def test_list_rows_are_what_the_generic_serializer_writes(client, language):
    """`EventRows` writes each row itself; it must match DRF's generic path
    field for field (series or none, fields of action, empty and set
    capacity and deadline, an event over two days, a cancelled one). The
    API answers in German (its paths have no language prefix); English is
    compared on the serializers."""
    from django.test import RequestFactory
    from django.utils import translation
    from rest_framework.renderers import JSONRenderer

    from ikone.api.serializers.events import EventListSerializer
    from ikone.core.models import FieldOfAction
    from ikone.events import selectors

    series = EventSeriesFactory(slug="reihe-mit-titel", title="Reihe <mit> „Titel“")
    tagged = EventFactory(slug="mit-feldern", series=series, capacity=12, place="Rathaus, Saal 2")
    fields = [
        FieldOfAction.objects.get_or_create(key=key, defaults={"label": label})[0]
        for key, label in (("mobilitaet-test", "Mobilität"), ("energie-test", "Energie & Umwelt"))
    ]
    tagged.fields_of_action.set(fields)
    RegistrationFactory(event=tagged)
    start = timezone.now() + datetime.timedelta(days=3)
    EventFactory(
        slug="zwei-tage",
        starts_at=start,
        ends_at=start + datetime.timedelta(days=1, hours=2),
        registration_deadline=start - datetime.timedelta(days=1, microseconds=-1234),
    )
    EventFactory(slug="abgesagt", status=EventStatus.CANCELLED, format=EventFormat.HYBRID)

    with translation.override(language):
        request = RequestFactory().get(LIST)
        events = list(selectors.event_list(user=None, filters=selectors.EventFilters()))
        expected = JSONRenderer().render(
            [EventListSerializer(event, context={"request": request}).data for event in events]
        )
        rows = EventListSerializer(events, many=True, context={"request": request}).data
        assert JSONRenderer().render(rows) == expected
    assert len(events) == 3
    if language == "de":
        response = client.get(LIST)
        assert JSONRenderer().render(response.json()["results"]) == expected
