"""The event list's filter offers series and fields of action from a memo
(issue 15); a change to events, series or fields of action shows at once."""

from __future__ import annotations

from ikone.core.models import FieldOfAction
from ikone.events import selectors
from ikone.events.models import EventSeries, EventStatus
from tests.events.factories import EventFactory


def test_a_series_appears_once_it_has_a_public_event_and_goes_when_it_has_none(db):
    series = EventSeries.objects.create(title="Reihe Neu", slug="reihe-neu")
    assert ("reihe-neu", "Reihe Neu") not in selectors.series_choices()
    event = EventFactory(series=series)
    assert ("reihe-neu", "Reihe Neu") in selectors.series_choices()
    event.status = EventStatus.DRAFT
    event.save()
    assert ("reihe-neu", "Reihe Neu") not in selectors.series_choices()


def test_a_renamed_field_of_action_shows_at_once(db):
    field = FieldOfAction.objects.order_by("position").first()
    selectors.field_of_action_choices()
    FieldOfAction.objects.filter(pk=field.pk).update(label="Ganz neu benannt")
    assert (field.key, "Ganz neu benannt") in selectors.field_of_action_choices()
