"""The events' management forms render their fields with
`ikone.core.form_fields.fields_html`: the markup the templates wrote with
an include per field, `components/field.html` and the choice fieldset (its
template text, from before it moved to Python, is below). Every kind of
field the events' forms have is compared, unbound and with errors, in both
languages."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from ikone.core.form_fields import fields_html
from ikone.core.models import FieldOfAction
from ikone.events.forms import EventForm, FeedbackForm, MaterialForm
from ikone.events.forms_programme import AgendaItemForm, SpeakerForm

CHOICE_FIELDSET = """{% load l10n i18n %}
<fieldset class="kern-fieldset{% if field.errors %} kern-fieldset--error{% endif %}"{% if field.help_text %} aria-describedby="{{ field.auto_id }}_helptext"{% endif %}>
  <legend class="kern-label">{{ field.label }}{% if not field.field.required and kind == "checkbox" %} <span class="kern-label__optional">– {% translate "optional" %}</span>{% endif %}</legend>
  {% if field.help_text %}<div class="kern-hint" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</div>{% endif %}
  {% for error in field.errors %}<p class="kern-error" role="alert">{{ error }}</p>{% endfor %}
  <div class="kern-fieldset__body{% if horizontal %} kern-fieldset__body--horizontal{% endif %}">
    {% for option in field %}
      <div class="kern-form-check">
        <input class="kern-form-check__{{ kind }}" type="{{ kind }}" name="{{ field.html_name }}" value="{{ option.data.value|unlocalize }}" id="{{ option.id_for_label }}"{% if option.data.selected %} checked{% endif %}>
        <label class="kern-label" for="{{ option.id_for_label }}">{{ option.choice_label }}</label>
      </div>
    {% empty %}
      <p class="kern-body kern-body--small">{{ empty_text }}</p>
    {% endfor %}
  </div>
</fieldset>
"""

FIELDS = """{% load core_tags %}{% for field in form.visible_fields %}
{% with widget_type=field|widget_type %}
{% if widget_type == "checkboxselectmultiple" %}{% include choice_fieldset with field=field kind="checkbox" %}
{% elif widget_type == "radioselect" %}{% include choice_fieldset with field=field kind="radio" %}
{% else %}{% include "components/field.html" with field=field %}{% endif %}
{% endwith %}
{% endfor %}"""


def _normal(html: str) -> str:
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r">\s+<", "><", html).strip()


def _template_output(form, empty_text: str = "") -> str:
    context = Context(
        {"form": form, "choice_fieldset": Template(CHOICE_FIELDSET), "empty_text": empty_text}
    )
    return Template(FIELDS).render(context)


def _forms():
    FieldOfAction.objects.create(key="mobilitaet", label="Mobilität <& Verkehr>", position=1)
    FieldOfAction.objects.create(key="energie", label="Energie", position=2)
    speakers = [(3, 'Ada "A" <L>'), (1000, "Grace")]
    return [
        (EventForm(initial={"title": "Tag <der> Daten", "fields_of_action": []}), ""),
        (EventForm({"title": "", "format": "onsite", "capacity": "x"}), ""),
        (EventForm(can_change_team=False), ""),
        (SpeakerForm(initial={"name": "Gast & Co"}), ""),
        (SpeakerForm({"email": "keine-adresse"}), ""),
        (AgendaItemForm(speaker_choices=speakers, initial={"speakers": [1000]}), "keine"),
        (AgendaItemForm(speaker_choices=[]), "Noch keine Referierenden gespeichert."),
        (AgendaItemForm({"starts_at": "10:00", "ends_at": "09:00"}, speaker_choices=speakers), ""),
        (MaterialForm(), ""),
        (MaterialForm({"kind": "x"}), ""),
        (FeedbackForm(initial={"rating": 4}), ""),
        (FeedbackForm({"comment": "<b>gut</b>"}), ""),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_fields_are_written_as_the_templates_wrote_them(language):
    with translation.override(language):
        for form, empty_text in _forms():
            expected = _normal(_template_output(form, empty_text))
            assert _normal(fields_html(form, empty_text=empty_text)) == expected, type(form)


@pytest.mark.django_db
def test_listed_choice_fields_offer_what_django_offers(django_assert_num_queries):
    """The choice fields that read their rows with one plain query (no
    server-side cursor) offer the same choices as Django's own."""
    from django import forms

    from ikone.core.choice_fields import ListedModelChoiceField, ListedModelMultipleChoiceField

    FieldOfAction.objects.create(key="b", label="Bildung", position=2)
    FieldOfAction.objects.create(key="a", label="Arbeit", position=1)
    queryset = FieldOfAction.objects.order_by("position")
    pairs = [
        (ListedModelChoiceField(queryset), forms.ModelChoiceField(queryset)),
        (
            ListedModelMultipleChoiceField(queryset),
            forms.ModelMultipleChoiceField(queryset),
        ),
    ]
    for listed, django_field in pairs:
        with django_assert_num_queries(1):
            offered = [(str(value), str(label)) for value, label in listed.choices]
        assert offered == [(str(value), str(label)) for value, label in django_field.choices]
