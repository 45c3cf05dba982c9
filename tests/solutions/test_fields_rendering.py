"""`solutions/includes/fields.html` writes several-choice fields through the
questions app's `{% choice_fieldset %}` (Python, issue 15) instead of its
include template: the output must be what the include wrote, up to
whitespace, for the recommendations' interest form and the solution form,
empty, filled and with errors, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from ikone.core.models import FieldOfAction
from ikone.solutions.forms import InterestForm
from tests.html import normalized_html

FIELDS = Path(__file__).parents[2] / "src/ikone/solutions/templates/solutions/includes/fields.html"
TAG = '{% choice_fieldset field "checkbox" %}'
INCLUDE = '{% include "qa/includes/choice_fieldset.html" with field=field kind="checkbox" %}'

pytestmark = pytest.mark.django_db


def _render(text: str, form) -> str:
    return Template(text).render(Context({"form": form}))


def _forms():
    energy = FieldOfAction.objects.create(
        key="probe-energie", label="Energie & <Wärme>", position=1
    )
    FieldOfAction.objects.create(key="probe-mobil", label="Mobilität", position=2)
    yield InterestForm()
    yield InterestForm(initial={"fields_of_action": [energy], "needs": "Parken <Altstadt>"})
    yield InterestForm({"fields_of_action": [str(energy.pk)], "needs": "x" * 2001})
    yield InterestForm({"fields_of_action": ["999999"], "needs": ""})


@pytest.mark.parametrize("language", ["de", "en"])
def test_fields_match_the_former_include(language):
    current = FIELDS.read_text()
    assert TAG in current
    former = current.replace(TAG, INCLUDE)
    with translation.override(language):
        rendered = []
        for form in _forms():
            if form.is_bound:
                form.is_valid()
            html = _render(current, form)
            assert normalized_html(html) == normalized_html(_render(former, form))
            rendered.append(html)
    assert all('type="checkbox"' in html for html in rendered)
    assert " checked" in rendered[1]
    assert 'class="kern-error"' in rendered[3]


def test_the_checkboxes_read_their_choices_in_one_query(django_assert_num_queries):
    """As the include's loop did: no COUNT before reading the choices."""
    FieldOfAction.objects.create(key="probe-energie", label="Energie", position=1)
    form = InterestForm()
    with django_assert_num_queries(1):
        html = _render(FIELDS.read_text(), form)
    assert "Energie" in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_choices_given_by_the_caller_render_as_the_table_does(language, django_assert_num_queries):
    """The recommendations page passes the catalogue's memo of the fields of
    action: the same checkboxes, checked the same, without a query."""
    energy = FieldOfAction.objects.create(
        key="probe-energie", label="Energie & <Wärme>", position=1
    )
    FieldOfAction.objects.create(key="probe-mobil", label="Mobilität", position=2)
    initial = {"fields_of_action": [energy], "needs": ""}
    every_field = list(FieldOfAction.objects.all())
    with translation.override(language):
        from_table = _render(FIELDS.read_text(), InterestForm(initial=initial))
        given = InterestForm(initial=initial, fields_of_action=every_field)
        with django_assert_num_queries(0):
            from_memo = _render(FIELDS.read_text(), given)
    assert normalized_html(from_memo) == normalized_html(from_table)
    assert " checked" in from_memo
