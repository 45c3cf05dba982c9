"""Demo events: the real 2020/2021 workshops, 41 administrations from
Rheinland-Pfalz on 12 January 2021, example workshops ahead; idempotent."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone

from ikone.accounts.models import Membership, Organization, User
from ikone.events import demo
from ikone.events.models import Event, Registration, RegistrationStatus, Speaker
from ikone.municipalities.models import Level
from tests.accounts.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rlp_directory():
    """36 districts of Rheinland-Pfalz plus a few more units (a slice, not the import)."""
    for number in range(101, 146):
        MunicipalityFactory(
            ags=f"07{number:03d}",
            name=f"Beispielkreis {number}",
            name_short=f"Beispielkreis {number}",
            level=Level.DISTRICT,
            type_code="42",
            type_label="Landkreis",
        )


def counts() -> tuple[int, ...]:
    return (
        Event.objects.count(),
        Registration.objects.count(),
        Speaker.objects.count(),
        Organization.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )


def test_seeding_twice_changes_nothing(rlp_directory):
    out = io.StringIO()
    demo.seed_demo_events(stdout=out)
    first = counts()
    demo.seed_demo_events()
    assert counts() == first
    assert "Demo-Veranstaltungen bereit" in out.getvalue()


def test_the_real_workshops_are_past_and_in_the_series(rlp_directory):
    demo.seed_demo_events()
    series = Event.objects.filter(series__slug=demo.SERIES_SLUG)
    assert {event.starts_at.date().isoformat() for event in series} == {
        "2020-12-04",
        "2021-01-12",
    }
    workshop = Event.objects.get(slug="2-virtueller-workshop-smart-city-2021-01-12")
    assert "Gemeinsam aus der Krise: Raum für Zukunft" in workshop.description
    names = set(workshop.speakers.values_list("name", flat=True))
    assert {
        "Prof. Gerhard Steinebach",
        "Dr. Martin Verlage",
        "Dr. Andreas Mayer",
        "Steffen Hess",
    } <= names
    meeting = Event.objects.get(slug="erstes-praesenztreffen-2021-09-23")
    assert "Fritz-Walter-Stadion" in meeting.place
    assert all(event.is_past for event in Event.objects.filter(title__startswith=("2.", "Work")))


def test_over_40_administrations_from_rlp_registered_and_attended(rlp_directory):
    demo.seed_demo_events()
    workshop = Event.objects.get(slug="2-virtueller-workshop-smart-city-2021-01-12")
    attended = workshop.registrations.filter(attended_at__isnull=False)
    organizations = set(attended.values_list("organization__municipality__ags", flat=True))
    assert len(organizations) >= 41
    assert all(ags.startswith("07") for ags in organizations)


def test_example_workshops_are_labelled_ahead_and_one_is_nearly_full(rlp_directory):
    demo.seed_demo_events()
    examples = Event.objects.filter(title__startswith="Beispiel-Workshop:")
    assert examples.count() == 3
    assert all(event.starts_at > timezone.now() for event in examples)
    nearly_full = examples.get(capacity=demo.NEARLY_FULL_CAPACITY)
    confirmed = nearly_full.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    assert confirmed == demo.NEARLY_FULL_CAPACITY - 1
