"""The calendar files /veranstaltungen/<slug>.ics and /veranstaltungen/feed.ics,
parsed with the icalendar library."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from ikone.events.models import EventStatus
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_one_event_as_ics_in_berlin_time_with_a_stable_uid(client):
    event = EventFactory(
        slug="winterworkshop",
        title="Winterworkshop",
        place="Rathaus Kaiserslautern",
        starts_at=datetime.datetime(2031, 1, 14, 10, 0, tzinfo=BERLIN),
        ends_at=datetime.datetime(2031, 1, 14, 12, 30, tzinfo=BERLIN),
    )
    calendar = parse(client.get(reverse("events:ics", kwargs={"slug": event.slug})))
    assert str(calendar["version"]) == "2.0"
    assert "IKONE" in str(calendar["prodid"])
    [timezone_component] = calendar.walk("VTIMEZONE")
    assert str(timezone_component["tzid"]) == "Europe/Berlin"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]).startswith(f"event-{event.pk}@")
    start = vevent.decoded("dtstart")
    assert start == datetime.datetime(2031, 1, 14, 10, 0, tzinfo=BERLIN)
    assert str(start.tzinfo) == "Europe/Berlin"
    assert b"DTSTART;TZID=Europe/Berlin:20310114T100000" in response_bytes(client, event)
    assert str(vevent["summary"]) == "Winterworkshop"
    assert str(vevent["location"]) == "Rathaus Kaiserslautern"
    assert str(vevent["status"]) == "CONFIRMED"
    assert int(vevent["sequence"]) == 0


def response_bytes(client, event) -> bytes:
    return client.get(reverse("events:ics", kwargs={"slug": event.slug})).content


def test_the_public_file_never_contains_the_meeting_link(client):
    event = EventFactory(meeting_url="https://meet.example.org/geheim")
    assert b"geheim" not in response_bytes(client, event)


def test_the_uid_stays_when_the_event_changes_and_sequence_grows(client):
    event = EventFactory()
    before = parse(client.get(reverse("events:ics", kwargs={"slug": event.slug})))
    event.title = "Neuer Titel"
    event.ics_sequence += 1
    event.save()
    after = parse(client.get(reverse("events:ics", kwargs={"slug": event.slug})))
    [old], [new] = before.walk("VEVENT"), after.walk("VEVENT")
    assert str(old["uid"]) == str(new["uid"])
    assert int(new["sequence"]) == int(old["sequence"]) + 1


def test_cancelled_events_are_cancelled_in_the_calendar(client):
    event = EventFactory(status=EventStatus.CANCELLED, ics_sequence=2)
    [vevent] = parse(client.get(reverse("events:ics", kwargs={"slug": event.slug}))).walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"
    assert int(vevent["sequence"]) == 2


def test_drafts_have_no_calendar_file(client):
    event = EventFactory(status=EventStatus.DRAFT)
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert response.status_code == 404


def test_the_feed_lists_public_events_only(client, django_assert_max_num_queries):
    published = EventFactory.create_batch(3)
    cancelled = EventFactory(status=EventStatus.CANCELLED)
    EventFactory(status=EventStatus.DRAFT, title="Geheimer Entwurf")
    with django_assert_max_num_queries(3):
        response = client.get(reverse("events:feed"))
    calendar = parse(response)
    uids = {str(vevent["uid"]).split("@")[0] for vevent in calendar.walk("VEVENT")}
    assert uids == {f"event-{event.pk}" for event in [*published, cancelled]}
    assert str(calendar["x-wr-calname"]) == "Veranstaltungen"
    assert b"Geheimer Entwurf" not in response.content


def test_the_feed_address_is_not_an_event_slug():
    """feed.ics comes before <slug>.ics, so an event may not be called "feed"."""
    from ikone.events.forms import RESERVED_SLUGS

    assert reverse("events:feed") == "/veranstaltungen/feed.ics"
    assert "feed" in RESERVED_SLUGS


def test_the_cached_feed_follows_changes(client):
    event = EventFactory(title="Alter Titel")
    assert b"Alter Titel" in client.get(reverse("events:feed")).content
    event.title = "Neuer Titel"
    event.save()
    content = client.get(reverse("events:feed")).content
    assert b"Neuer Titel" in content
    assert b"Alter Titel" not in content
    EventFactory(title="Noch ein Workshop")
    assert b"Noch ein Workshop" in client.get(reverse("events:feed")).content
