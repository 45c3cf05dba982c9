"""The event page reads its fields of action, speakers and agenda with
prepared queries (`page_rows.event_page_rows`) instead of prefetches: the
same rows in the same orders as the event's relations, the agenda's
speakers per item included, and the viewer's speaking noted for the
permissions without another query."""

from __future__ import annotations

import pytest

from ikone.core.models import FieldOfAction
from ikone.events import permissions
from ikone.events.page_rows import event_page_rows
from tests.events.factories import AgendaItemFactory, EventFactory, SpeakerFactory


@pytest.mark.django_db
def test_page_rows_are_the_events_relations(mentor, staff_member, django_assert_num_queries):
    event = EventFactory(slug="ws")
    other = EventFactory(slug="other")
    fields = [
        FieldOfAction.objects.create(key=key, label=label, position=position)
        for key, label, position in [("c", "Cäsar", 1), ("a", "Anton", 2), ("b", "Berta", 1)]
    ]
    event.fields_of_action.set(fields)
    other.fields_of_action.set(fields[:1])
    speakers = [
        SpeakerFactory(event=event, user=mentor, name="", position=2),
        SpeakerFactory(event=event, name="Gast", position=1),
        SpeakerFactory(event=event, name="Ohne Punkt", position=3),
    ]
    SpeakerFactory(event=other, name="Anderswo")
    second = AgendaItemFactory(event=event, title="Pause", position=2)
    first = AgendaItemFactory(event=event, title="Begrüßung", position=1)
    AgendaItemFactory(event=event, title="Ohne Referierende", position=3)
    first.speakers.set(speakers[:2])
    second.speakers.set(speakers[:1])
    AgendaItemFactory(event=other, title="Woanders").speakers.set(speakers[1:2])

    with django_assert_num_queries(4):
        rows = event_page_rows(event=event, user=mentor)

    assert rows.fields_of_action == list(event.fields_of_action.all())
    assert rows.speakers == list(event.speakers.all())
    assert rows.agenda == [(item, list(item.speakers.all())) for item in event.agenda.all()]
    assert [item.title for item, _speakers in rows.agenda][:2] == ["Begrüßung", "Pause"]
    with django_assert_num_queries(0):
        assert rows.agenda[0][1][1].user == mentor
        assert permissions.is_speaker(mentor, event)
    rows = event_page_rows(event=event, user=staff_member)
    with django_assert_num_queries(0):
        assert not permissions.is_speaker(staff_member, event)


@pytest.mark.django_db
def test_an_event_without_agenda_reads_no_agenda_speakers(django_assert_num_queries):
    event = EventFactory(slug="leer")
    with django_assert_num_queries(3):
        rows = event_page_rows(event=event, user=None)
    assert rows.agenda == [] and rows.speakers == [] and rows.fields_of_action == []
