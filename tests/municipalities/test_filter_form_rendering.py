"""The directory's filter form renders its widgets in Python and takes the
Land and Kreis choices with their options prepared (a memo,
`selectors.directory_choices`); every field must write what Django's
template widgets wrote with the choices built on each request: compared
empty, filled, with a chosen Land and Kreis and with an invalid value, in
both languages."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html
from django.utils import translation

from ikone.core.form_fields import render_field
from ikone.municipalities.forms import DirectoryFilterForm
from ikone.municipalities.selectors import (
    directory_choices,
    district_choices,
    district_list,
    state_list,
)
from tests.municipalities.factories import DistrictFactory, StateFactory

pytestmark = pytest.mark.django_db


def _former(data: dict[str, str], land: str) -> DirectoryFilterForm:
    """The form as it was: Django's template widgets, choices from the
    Länder and Kreise read for this request."""
    form = DirectoryFilterForm(data, choices=directory_choices(land=land))
    states = list(state_list())
    state_key = land if land in {state.ags for state in states} else ""
    districts = list(district_list(state_key=state_key))
    everything = [("", form.fields["land"].choices[0][1])]
    choices = {
        "land": everything + [(state.ags, state.name) for state in states],
        "kreis": everything + district_choices(states, districts),
        "typ": list(form.fields["typ"].choices),
    }
    for name, field in form.fields.items():
        widget = field.widget
        if name == "q":
            field.widget = forms.SearchInput(attrs=widget.attrs)
        elif name == "mitglied":
            field.widget = forms.CheckboxInput(attrs=widget.attrs)
        else:
            field.widget = forms.Select(attrs=widget.attrs)
            field.choices = choices[name]
    return form


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": 'Berg "<am>" & See', "mitglied": "on"},
        {"land": "07", "kreis": "07335", "typ": "gemeinde"},
        {"land": "09", "kreis": "09571"},
        {"land": "07", "kreis": "09571", "typ": "kein-typ"},
        {"land": "xx", "q": "x" * 101},
    ],
)
def test_the_filter_fields_match_the_template_widgets(hierarchy, language, data):
    bavaria = StateFactory(ags="09", name="Bayern")
    DistrictFactory(ags="09571", name="Ansbach", type_label="Landkreis", state=bavaria)
    DistrictFactory(ags="09561", name="Ansbach", type_label="Kreisfreie Stadt", state=bavaria)
    DistrictFactory(ags="09999", name='Kreis <"&">', state=bavaria)
    with translation.override(language):
        now = DirectoryFilterForm(data, choices=directory_choices(land=data.get("land", "")))
        former = _former(data, data.get("land", ""))
        now.is_valid()
        former.is_valid()
        assert now.errors == former.errors
        for name in now.fields:
            # Parsed: Django's widgets (Jinja2) write '"' as &#34;, FastSelect as &quot;.
            assert parse_html(render_field(now[name])) == parse_html(render_field(former[name]))
