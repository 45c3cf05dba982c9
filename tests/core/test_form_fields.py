"""A form field in Python (ikone.core.form_fields.render_field) is the
markup the field template rendered before, for every kind of widget, with
and without hint, errors and the optional marker."""

import pytest
from django import forms
from django.template import engines
from django.test.html import parse_html
from django.utils.safestring import mark_safe
from django.utils.translation import override

from ikone.core.form_fields import render_field
from ikone.core.widgets import (
    FastCheckboxInput,
    FastCheckboxSelectMultiple,
    FastSelect,
    FastTextarea,
    FastTextInput,
)

# components/field.html as a template, before it moved to Python.
REFERENCE = """{% load i18n core_tags %}
{% with widget_type=field|widget_type %}
{% if widget_type == "checkbox" %}
  <div class="kern-form-check{% if field.errors %} kern-form-check--error{% endif %}">
    {% add_class field "kern-form-check__checkbox" %}
    <label class="kern-label" for="{{ field.id_for_label }}">{{ field.label }}</label>
    {% if field.help_text %}<p class="kern-hint" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
    {% for error in field.errors %}<p class="kern-error" id="{{ field.auto_id }}_error">{{ error }}</p>{% endfor %}
  </div>
{% else %}
  <div class="kern-form-input{% if field.errors %} kern-form-input--error{% endif %}">
    <label class="kern-label" for="{{ field.id_for_label }}">{{ field.label }}{% if not field.field.required %} <span class="kern-label__optional">– {% translate "optional" %}</span>{% endif %}</label>
    {% if field.help_text %}<div class="kern-hint" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</div>{% endif %}
    {% for error in field.errors %}<p class="kern-error" id="{{ field.auto_id }}_error" role="alert">{{ error }}</p>{% endfor %}
    {% if widget_type == "select" or widget_type == "selectmultiple" %}
      <div class="kern-form-input__select-wrapper">{% add_class field "kern-form-input__select" %}</div>
    {% else %}
      {% add_class field "kern-form-input__input" %}
    {% endif %}
  </div>
{% endif %}
{% endwith %}"""

CHOICES = [("", "–"), ("a", "Erste <Wahl>"), ("b", "Zweite & letzte")]


class EveryKind(forms.Form):
    title = forms.CharField(label="Titel <kurz>", max_length=80, help_text="Höchstens 80 Zeichen.")
    fast_title = forms.CharField(label="Titel", required=False, widget=FastTextInput)
    text = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    fast_text = forms.CharField(label="Text", widget=FastTextarea(attrs={"rows": 2}))
    agree = forms.BooleanField(
        label="Einverstanden", help_text=mark_safe("Siehe <a href='/'>hier</a>")
    )
    fast_agree = forms.BooleanField(label="Ja", required=False, widget=FastCheckboxInput)
    choice = forms.ChoiceField(label="Auswahl", choices=CHOICES, required=False)
    fast_choice = forms.ChoiceField(label="Auswahl", choices=CHOICES, widget=FastSelect)
    many = forms.MultipleChoiceField(label="Mehrere", choices=CHOICES[1:], required=False)
    boxes = forms.MultipleChoiceField(
        label="Kästchen", choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple
    )
    fast_boxes = forms.MultipleChoiceField(
        label="Kästchen",
        choices=CHOICES[1:],
        required=False,
        widget=FastCheckboxSelectMultiple,
    )
    date = forms.DateField(
        label="Datum", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"title": "x" * 81, "fast_text": "Ein <Text>", "choice": "z", "boxes": ["a", "b"]},
    ],
    ids=["unbound", "empty", "invalid"],
)
def test_every_field_renders_the_templates_markup(data, language):
    form = EveryKind(data)
    if data is not None:
        form.is_valid()
    reference = engines["django"].from_string(REFERENCE)
    with override(language):
        for field in form:
            expected = reference.render({"field": field})
            assert parse_html(render_field(field)) == parse_html(expected), field.name


def test_the_field_template_and_the_form_template_render_in_python():
    form = EveryKind({"title": ""})
    form.is_valid()
    field_html = (
        engines["django"].get_template("components/field.html").render({"field": form["title"]})
    )
    form_html = engines["django"].get_template("components/form.html").render({"form": form})
    assert parse_html(field_html) == parse_html(render_field(form["title"]))
    assert 'aria-invalid="true"' in field_html
    for field in form:
        assert parse_html(render_field(field)) in parse_html(form_html) or field.is_hidden
