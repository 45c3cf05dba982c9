"""A small known world for the overview's figures: one Land, two Kreise,
three organisations and a cooperation, with workshops, questions and
drafts whose counts the tests know."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from ikone.accounts.models import NetworkMembershipStatus, Organization, OrganizationKind
from ikone.applications.models import Draft, DraftStatus
from ikone.events.models import RegistrationStatus
from ikone.municipalities.models import Level
from ikone.qa.models import Question, QuestionStatus
from tests.accounts.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.calls.factories import make_call
from tests.events.factories import EventFactory, RegistrationFactory


@dataclass
class World:
    member: Organization  # Kreis A, member, engaged
    other: Organization  # Kreis A, not a member, engaged
    quiet: Organization  # Kreis B, nothing in the period
    cooperation: Organization  # no Kreis
    call_title: str


def _unit(ags, name, level, **extra):
    return MunicipalityFactory(ags=ags, name=name, name_short=name, level=level, **extra)


def build_world(n: int = 0) -> World:
    """The world; `n` > 0 builds another copy with its own towns, people and
    call (in the same Land and Kreise) to show the queries do not grow."""
    now = timezone.now()
    state = _unit("07", "Rheinland-Pfalz", Level.STATE)
    kreis_a = _unit("07111", "Kreis Alpha", Level.DISTRICT, state=state, parent=state)
    kreis_b = _unit("07222", "Kreis Beta", Level.DISTRICT, state=state, parent=state)

    def town(ags, name, district, lat, lon):
        unit = _unit(
            ags,
            name,
            Level.MUNICIPALITY,
            state=state,
            district=district,
            parent=district,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
        )
        return OrganizationFactory(name=name, slug=f"ort-{ags}", municipality=unit)

    tag = f" {n}" if n else ""
    member = town(f"07111{n}01", f"Astadt{tag}", kreis_a, "49.44", "7.76")
    other = town(f"07111{n}02", f"Bedorf{tag}", kreis_a, "49.90", "7.00")
    quiet = town(f"07222{n}01", f"Cehausen{tag}", kreis_b, "50.30", "7.60")
    cooperation = OrganizationFactory(
        name=f"Kooperation Digital{tag}",
        slug=f"kooperation-{n}",
        kind=OrganizationKind.COOPERATION,
        municipality=None,
    )
    network = NetworkFactory(is_primary=True, slug="ikone-ds")
    NetworkMembershipFactory(
        organization=member, network=network, status=NetworkMembershipStatus.MEMBER
    )

    past = EventFactory(
        title="Vergangener Workshop",
        slug="vergangen",
        starts_at=now - dt.timedelta(days=10),
        ends_at=now - dt.timedelta(days=10) + dt.timedelta(hours=2),
    )
    ahead = EventFactory(title="Kommender Workshop", slug="kommend")
    for person, organization in ((1, member), (2, member), (3, other)):
        RegistrationFactory(
            event=past, organization=organization, person=UserFactory(email=f"p{person}-{n}@a.org")
        )
    RegistrationFactory(event=ahead, organization=quiet, person=UserFactory(email=f"q-{n}@a.org"))
    RegistrationFactory(
        event=past,
        organization=quiet,
        person=UserFactory(email=f"storno-{n}@a.org"),
        status=RegistrationStatus.CANCELLED,
    )

    call = make_call(f"netzwerk-aufruf-{n}", title=f"Aufruf im Netzwerk{tag}")
    asked = now - dt.timedelta(days=5)
    for title, organization, answered in (
        ("Frage eins", member, True),
        ("Frage zwei", member, False),
        ("Frage drei", other, False),
    ):
        question = Question.objects.create(
            call=call, organization=organization, title=title, text="Text", visibility="private"
        )
        Question.objects.filter(pk=question.pk).update(
            created_at=asked,
            status=QuestionStatus.ANSWERED if answered else QuestionStatus.OPEN,
            first_answer_at=asked + dt.timedelta(days=2) if answered else None,
            first_answer_seconds=2 * 24 * 3600 if answered else None,
        )
    Draft.objects.create(organization=other, call=call, title="Geheimer Entwurf von Bedorf")
    Draft.objects.create(
        organization=member,
        call=call,
        title="Eingereichter Entwurf",
        status=DraftStatus.SUBMITTED,
        submitted_on=timezone.localdate(),
    )
    return World(member, other, quiet, cooperation, call.title)


@pytest.fixture
def world(db) -> World:
    return build_world()
