"""The event edit page's forms render their widgets in Python
(ikone.core.widgets) and read the event's rows with prepared queries
(`selectors_manage.event_edit_rows`). Each form must write what it wrote
with Django's template widgets (compared field by field through
`fields_html`, the management forms and "delete" boxes included, empty,
filled and with errors, in both languages), and the rows must be what the
event's relations hold."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html
from django.utils import translation

from ikone.core.form_fields import fields_html
from ikone.core.models import FieldOfAction
from ikone.core.widgets import (
    FastCheckboxInput,
    FastDateTimeInput,
    FastEmailInput,
    FastHiddenInput,
    FastNumberInput,
    FastSelect,
    FastTextarea,
    FastTextInput,
    FastTimeInput,
    FastURLInput,
)
from ikone.events import selectors_manage as selectors
from ikone.events.forms import EventForm
from ikone.events.forms_programme import AgendaFormSet, SpeakerFormSet
from tests.events.factories import AgendaItemFactory, EventFactory, SpeakerFactory

FORMER = {
    FastTextInput: forms.TextInput,
    FastTextarea: forms.Textarea,
    FastNumberInput: forms.NumberInput,
    FastHiddenInput: forms.HiddenInput,
    FastSelect: forms.Select,
    FastCheckboxInput: forms.CheckboxInput,
    FastEmailInput: forms.EmailInput,
    FastURLInput: forms.URLInput,
}


def _former_widget(widget: forms.Widget) -> forms.Widget | None:
    """The template-rendered widget the Python one replaced (None: unchanged)."""
    if isinstance(widget, FastDateTimeInput | FastTimeInput):
        former_class = (
            forms.DateTimeInput if isinstance(widget, FastDateTimeInput) else forms.TimeInput
        )
        former = former_class(attrs=widget.attrs, format=widget.format)
        former.input_type = widget.input_type
        return former
    kind = FORMER.get(type(widget))
    if kind is None:
        return None
    former = kind(attrs=widget.attrs)
    if hasattr(widget, "choices"):
        former.choices = widget.choices
    return former


def _with_former_widgets(form: forms.BaseForm) -> forms.BaseForm:
    for field in form.fields.values():
        former = _former_widget(field.widget)
        if former is not None:
            field.widget = former
        # Every Python-rendered widget is compared with the one it replaced.
        assert not isinstance(field.widget, (*FORMER, FastDateTimeInput, FastTimeInput))
    return form


def _rendered(formset: forms.BaseFormSet, *, former: bool) -> str:
    management = formset.management_form
    parts = []
    for form in [management, *formset.forms]:
        if former:
            _with_former_widgets(form)
        parts.append("".join(str(hidden) for hidden in form.hidden_fields()))
        parts.append(fields_html(form, empty_text="keine"))
    return "".join(parts)


def _event_forms(series):
    filled = {
        "title": 'Tag <der> "Daten"',
        "slug": "tag-der-daten",
        "format": "onsite",
        "starts_at": "2027-01-12T10:00",
        "ends_at": "12.01.2027 09:00",
        "capacity": "x",
        "meeting_url": "kein link",
        "audience": "everyone",
        "series": str(series.pk),
        "version": "3",
    }
    return [
        lambda: EventForm(initial={"title": "Tag <der> Daten", "series": series.pk, "version": 2}),
        lambda: EventForm(filled),
        lambda: EventForm({"title": ""}, can_change_team=False),
    ]


def _formsets(speaker_choices):
    speakers = {
        "referierende-TOTAL_FORMS": "2",
        "referierende-INITIAL_FORMS": "1",
        "referierende-0-id": "7",
        "referierende-0-email": "keine-adresse",
        "referierende-0-DELETE": "on",
        "referierende-1-name": 'Gast & "Co"',
    }
    agenda = {
        "programm-TOTAL_FORMS": "1",
        "programm-INITIAL_FORMS": "0",
        "programm-0-starts_at": "10:00",
        "programm-0-ends_at": "09:00",
        "programm-0-speakers": [str(speaker_choices[0][0])],
    }
    return [
        lambda: SpeakerFormSet(
            initial=[{"id": 7, "name": "Ada <L>", "role": "Impuls"}], prefix="referierende"
        ),
        lambda: SpeakerFormSet(speakers, prefix="referierende"),
        lambda: AgendaFormSet(
            initial=[{"id": 3, "title": "Begrüßung", "speakers": [speaker_choices[1][0]]}],
            prefix="programm",
            form_kwargs={"speaker_choices": speaker_choices},
        ),
        lambda: AgendaFormSet(
            agenda, prefix="programm", form_kwargs={"speaker_choices": speaker_choices}
        ),
        lambda: AgendaFormSet(prefix="programm", form_kwargs={"speaker_choices": []}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_edit_forms_render_what_the_template_widgets_rendered(language):
    from tests.events.factories import EventSeriesFactory

    series = EventSeriesFactory(title="Reihe <eins> & zwei")
    FieldOfAction.objects.create(key="mobilitaet", label="Mobilität <& Verkehr>", position=1)
    speaker_choices = [(3, 'Ada "A" <L>'), (1000, "Grace")]
    with translation.override(language):
        for make in _event_forms(series):
            form, former = make(), _with_former_widgets(make())
            for each in (form, former):
                if each.is_bound:
                    each.is_valid()
            assert parse_html(fields_html(form)) == parse_html(fields_html(former))
            hidden = "".join(str(field) for field in form.hidden_fields())
            former_hidden = "".join(str(field) for field in former.hidden_fields())
            assert parse_html(hidden) == parse_html(former_hidden)
        for make in _formsets(speaker_choices):
            formset, former_formset = make(), make()
            for each in (formset, former_formset):
                if each.is_bound:
                    each.is_valid()
            assert parse_html(_rendered(formset, former=False)) == parse_html(
                _rendered(former_formset, former=True)
            )
            # The template writes the management form as Django's form template did.
            assert parse_html(str(formset.management_form)) == parse_html(
                str(_with_former_widgets(former_formset.management_form))
            )


@pytest.mark.django_db
def test_edit_rows_are_the_events_relations(mentor):
    event = EventFactory(slug="ws")
    other = EventFactory(slug="other")
    fields = [
        FieldOfAction.objects.create(key=key, label=key, position=number)
        for number, key in enumerate(["a", "b", "c"])
    ]
    event.fields_of_action.set(fields[:2])
    other.fields_of_action.set(fields[2:])
    speakers = [
        SpeakerFactory(event=event, user=mentor, name="", position=2),
        SpeakerFactory(event=event, name="Gast", position=1),
    ]
    SpeakerFactory(event=other, name="Anderswo")
    first = AgendaItemFactory(event=event, title="Begrüßung", position=1)
    second = AgendaItemFactory(event=event, title="Pause", position=2)
    first.speakers.set(speakers)
    AgendaItemFactory(event=other, title="Woanders").speakers.set(speakers[:1])

    rows = selectors.event_edit_rows(event=event)

    assert sorted(rows.field_of_action_ids) == sorted(f.pk for f in event.fields_of_action.all())
    assert rows.speakers == list(event.speakers.all())
    assert rows.speakers[1].user == mentor
    assert rows.agenda == list(event.agenda.all())
    assert {pk: sorted(ids) for pk, ids in rows.agenda_speaker_ids.items()} == {
        first.pk: sorted(speaker.pk for speaker in speakers)
    }
    assert second.pk not in rows.agenda_speaker_ids
