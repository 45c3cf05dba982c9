"""The directory used to register others cannot be enumerated: a minimum
query length, and people outside the coordination find only people who
share an organisation with them (issue 11.10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.events.models import Event
from tests.accounts.factories import MembershipFactory, MentorFactory, UserFactory
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory


@pytest.fixture
def mentor_event(db) -> Event:
    """An event mentors may help run (so they may register others)."""
    return EventFactory(slug="mit-mentoren", allow_mentors_to_edit=True)


@pytest.fixture
def strangers(db):
    return [
        UserFactory(name=f"Tina Fremd {n}", email=f"fremd{n}@anderswo.example") for n in range(3)
    ]


def _search(client, event, query):
    url = reverse("events:manage_participants", kwargs={"slug": event.slug})
    return client.get(url, {"q": query}).content.decode()


def test_short_queries_find_nobody(client, coordinator, mentor_event, strangers):
    sign_in(client, coordinator)
    assert "Tina Fremd" not in _search(client, mentor_event, "Ti")
    assert "Mindestens drei Zeichen" in _search(client, mentor_event, "Ti")
    assert "Tina Fremd 0" in _search(client, mentor_event, "Tina")


def test_a_mentor_finds_only_people_of_their_organisations(
    client, organization, staff_member, mentor_event, strangers
):
    mentor = MentorFactory(name="Mira Mentorin")
    MembershipFactory(organization=organization, user=mentor)
    sign_in(client, mentor)

    page = _search(client, mentor_event, "example")

    assert "Till Team" in page
    assert "Tina Fremd" not in page


def test_a_mentor_without_organisation_finds_nobody(client, mentor_event, strangers):
    sign_in(client, MentorFactory())
    assert "Tina Fremd" not in _search(client, mentor_event, "Tina")


def test_people_outside_the_directory_cannot_be_registered_by_id(client, mentor_event, strangers):
    sign_in(client, MentorFactory())
    response = client.post(
        reverse("events:manage_register", kwargs={"slug": mentor_event.slug}),
        {"person": strangers[0].pk},
    )
    assert response.status_code == 404
    assert not mentor_event.registrations.exists()
