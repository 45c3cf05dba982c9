"""The catalogue's cards are written in Python (`ikone.solutions.card_rows`)
and its filter form renders its widgets in Python; they must write what the
include `solutions/includes/solution_card.html` and Django's template
widgets wrote: cards with and without owners, fields of action, open
licence, adoptions (none, one, many) and the example mark, titles that need
escaping; the form empty, filled and with invalid values; in both
languages."""

from __future__ import annotations

import pytest
from django import forms
from django.template import engines
from django.test.html import parse_html
from django.utils import translation

from ikone.accounts.models import Organization
from ikone.core.form_fields import render_field
from ikone.core.models import FieldOfAction
from ikone.municipalities.models import Level, Municipality
from ikone.solutions.card_rows import solution_cards
from ikone.solutions.forms import CatalogueFilterForm
from ikone.solutions.models import Licence, Solution, SolutionStatus
from tests.html import normalized_html

FORMER_CARD = """{% load i18n %}{% for solution in solutions %}
<li class="ikone-stack">
  <h2 class="kern-heading-small"><a class="kern-link" href="{{ solution.get_absolute_url }}">{{ solution.title }}</a></h2>
  <p class="kern-body">{{ solution.summary }}</p>
  <p class="kern-body kern-body--small">
    {{ solution.get_status_display }}
    {% if solution.owner_list %} · {% for organization in solution.owner_list %}{{ organization.name }}{% if not forloop.last %}, {% endif %}{% endfor %}{% endif %}
    {% if solution.field_list %} · {% for field in solution.field_list %}{{ field.label }}{% if not forloop.last %}, {% endif %}{% endfor %}{% endif %}
    {% if solution.has_open_licence %} · {% translate "offene Lizenz" %}{% endif %}
    · {% blocktranslate count counter=solution.adopter_count trimmed %}{{ counter }} Übernahme{% plural %}{{ counter }} Übernahmen{% endblocktranslate %}
    {% if solution.is_example %} · <strong>{% translate "Beispiel-Steckbrief" %}</strong>{% endif %}
  </p>
</li>{% endfor %}
"""


def _solutions() -> list[Solution]:
    owners = [Organization(name="Stadt <A> & B"), Organization(name='Kreis "C"')]
    fields = [FieldOfAction(label="Mobilität & Verkehr"), FieldOfAction(label="Energie")]
    solutions = []
    for number, status in enumerate(SolutionStatus.values):
        solution = Solution(
            title=f'Lösung <{number}> & "mehr"',
            slug=f"loesung-{number}",
            summary=f"Kurz & <knapp> {number}",
            status=status,
            licence=Licence.PROPRIETARY if number % 2 else Licence.values[0],
            is_example=number == 2,
        )
        solution.owner_list = owners[: number % 3]
        solution.field_list = fields[: (number + 1) % 3]
        solution.adopter_count = [0, 1, 2, 1234][number % 4]
        solutions.append(solution)
    return solutions


@pytest.mark.parametrize("language", ["de", "en"])
def test_cards_match_the_former_include(language):
    solutions = _solutions()
    with translation.override(language):
        former = engines["django"].from_string(FORMER_CARD).render({"solutions": solutions})
        now = solution_cards(solutions)
    assert normalized_html(now) == normalized_html(former)
    assert "Lösung &lt;1&gt; &amp; &quot;mehr&quot;" in now


def _form(data, *, former: bool) -> CatalogueFilterForm:
    form = CatalogueFilterForm(
        data,
        fields_of_action=[FieldOfAction(key="mobilitaet", label="Mobilität & <Verkehr>")],
        states=[Municipality(ags="07", level=Level.STATE, name="Rheinland-Pfalz")],
        programmes=['Programm "A" & <B>', "Smart Cities"],
    )
    if former:
        for field in form.fields.values():
            old = field.widget
            if isinstance(field, forms.ChoiceField):
                field.widget = forms.Select(attrs=old.attrs)
                field.widget.choices = field.choices
            elif isinstance(field, forms.BooleanField):
                field.widget = forms.CheckboxInput(attrs=old.attrs)
            else:
                field.widget = forms.TextInput(attrs=old.attrs)
    return form


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": 'Park <"&">', "handlungsfeld": "mobilitaet", "stand": "pilot", "offen": "on"},
        {"land": "07", "programm": 'Programm "A" & <B>', "groesse": "gibt-es-nicht"},
        {"q": "x" * 201, "land": "99"},
    ],
)
def test_the_filter_fields_match_the_template_widgets(language, data):
    with translation.override(language):
        now, former = _form(data, former=False), _form(data, former=True)
        assert now.is_valid() == former.is_valid()
        assert now.errors == former.errors
        for name in now.fields:
            # Parsed: Django's widgets (Jinja2) write '"' as &#34;, FastSelect as &quot;.
            assert parse_html(render_field(now[name])) == parse_html(render_field(former[name]))
