"""factory_boy factories for events. Other tests import them:
`from tests.events.factories import EventFactory, RegistrationFactory, …`.

An EventFactory event is published, online, a week ahead, unlimited."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from ikone.events.models import (
    AgendaItem,
    Audience,
    Event,
    EventFormat,
    EventSeries,
    EventStatus,
    Material,
    MaterialKind,
    MaterialVisibility,
    Registration,
    RegistrationStatus,
    Speaker,
)
from tests.accounts.factories import UserFactory


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Reihe {n}")
    slug = factory.Sequence(lambda n: f"reihe-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    summary = "Ein Workshop zum Testen."
    description = "<p>Beschreibung mit <strong>Hervorhebung</strong>.</p>"
    format = EventFormat.ONLINE
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    meeting_url = "https://meet.example.org/workshop"
    capacity = None
    audience = Audience.EVERYONE
    status = EventStatus.PUBLISHED


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Gast {n}")
    affiliation = "Digitalagentur"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Programmpunkt {n}")
    starts_at = factory.LazyAttribute(lambda item: item.event.starts_at)
    ends_at = factory.LazyAttribute(
        lambda item: item.event.starts_at + datetime.timedelta(hours=1)
    )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(UserFactory)
    status = RegistrationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    event = factory.SubFactory(EventFactory)
    kind = MaterialKind.SLIDES
    title = factory.Sequence(lambda n: f"Folien {n}")
    url = "https://example.org/folien.pdf"
    visibility = MaterialVisibility.PUBLIC
