from datetime import date, datetime, time

import pytest
from django import forms
from django.test.html import parse_html
from django.utils import translation

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

CHOICES = [
    ("", "alle"),
    ("Rheinland-Pfalz", [("07312", "Kaiserslautern"), ("07335", "Kaiserslautern <Landkreis>")]),
    ("Saarland", [("10041", "Saarbrücken & Umland")]),
]


@pytest.mark.parametrize("value", ["", "07335", "10041", None])
def test_fast_select_renders_what_django_select_renders(value):
    attrs = {"id": "id_kreis", "class": "kern-form-input__select", "aria-invalid": "true"}

    fast = FastSelect(choices=CHOICES).render("kreis", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("kreis", value, attrs=attrs)

    assert parse_html(fast) == parse_html(django)
    assert "&lt;Landkreis&gt;" in fast
    assert "Saarbrücken &amp; Umland" in fast


@pytest.mark.parametrize("value", ["", None, 'Abschnitt <3> & "Zitat"', "Zeile 1\n\nZeile 2", 7])
@pytest.mark.parametrize(
    ("fast", "django"),
    [
        (FastTextInput(attrs={"maxlength": 300}), forms.TextInput(attrs={"maxlength": 300})),
        (FastTextarea(attrs={"rows": 6}), forms.Textarea(attrs={"rows": 6})),
        (FastCheckboxInput(), forms.CheckboxInput()),
        (FastNumberInput(attrs={"min": 2000}), forms.NumberInput(attrs={"min": 2000})),
        (FastHiddenInput(), forms.HiddenInput()),
        (FastEmailInput(attrs={"maxlength": 320}), forms.EmailInput(attrs={"maxlength": 320})),
        (FastURLInput(attrs={"maxlength": 500}), forms.URLInput(attrs={"maxlength": 500})),
    ],
)
def test_fast_widgets_render_what_django_renders(fast, django, value):
    attrs = {
        "id": "id_text_3",
        "class": "kern-form-input__input",
        "required": True,
        "disabled": False,
        "aria-describedby": 'id_text_3_helptext "x"',
    }
    # The same HTML; Django's widget templates now render through Jinja2,
    # which escapes quotes as &#34; where Django's escape writes &quot;.
    fast_html = fast.render("text_3", value, attrs=attrs)
    assert parse_html(fast_html) == parse_html(django.render("text_3", value, attrs=attrs))
    assert fast_html.replace("&quot;", "&#34;") == django.render("text_3", value, attrs=attrs)


@pytest.mark.parametrize("value", [True, False, "on", None])
def test_fast_checkbox_checked_as_django(value):
    attrs = {"id": "id_remove_3", "class": "kern-form-check__checkbox"}
    fast = FastCheckboxInput().render("remove_3", value, attrs=attrs)
    assert parse_html(fast) == parse_html(
        forms.CheckboxInput().render("remove_3", value, attrs=attrs)
    )


def test_fast_widgets_get_the_markup_of_the_widgets_they_replace():
    """components/field.html picks its markup by the widget's type: a fast
    checkbox is a KERN checkbox, a fast text field a KERN input."""
    from django.template.loader import render_to_string

    class Form(forms.Form):
        title = forms.CharField(widget=FastTextInput)
        text = forms.CharField(widget=FastTextarea)
        remove = forms.BooleanField(required=False, widget=FastCheckboxInput)
        score = forms.ChoiceField(choices=[(1, "eins")], widget=FastSelect)

    form = Form()
    for name, markup in (
        ("score", "kern-form-input__select-wrapper"),
        ("title", "kern-form-input__input"),
        ("text", "kern-form-input__input"),
        ("remove", "kern-form-check__checkbox"),
    ):
        assert markup in render_to_string("components/field.html", {"field": form[name]})


GROUPED = [
    (1, "Ausgangslage"),
    (2, "Ziele <und> Wirkung"),
    ("Anhang", [(3, "Kosten & Finanzierung"), (4, "Zeitplan")]),
]


@pytest.mark.parametrize("value", [[], [2], ["1", "3"], None])
@pytest.mark.parametrize(
    "attrs", [{"id": "id_k7-sections", "class": "kern-form-input__input"}, {"class": "x"}, {}]
)
def test_fast_checkbox_list_renders_what_django_renders(value, attrs):
    from ikone.core.widgets import FastCheckboxSelectMultiple

    fast = FastCheckboxSelectMultiple(choices=GROUPED).render("k7-sections", value, attrs=attrs)
    django = forms.CheckboxSelectMultiple(choices=GROUPED).render(
        "k7-sections", value, attrs=attrs
    )

    assert parse_html(fast) == parse_html(django)
    assert "Ziele &lt;und&gt; Wirkung" in fast


@pytest.mark.parametrize(
    "value",
    [None, "", "12.01.2021 10:00", datetime(2027, 1, 16, 17, 5), time(9, 30), date(2027, 1, 16)],
)
@pytest.mark.parametrize(
    ("fast", "django"),
    [
        (
            FastDateTimeInput(format="%Y-%m-%dT%H:%M"),
            forms.DateTimeInput(format="%Y-%m-%dT%H:%M"),
        ),
        (FastDateTimeInput(), forms.DateTimeInput()),
        (FastTimeInput(format="%H:%M"), forms.TimeInput(format="%H:%M")),
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_fast_date_and_time_inputs_render_what_django_renders(fast, django, value, language):
    fast.input_type = django.input_type = "datetime-local"
    attrs = {"id": "id_starts_at", "class": "kern-form-input__input", "required": True}
    with translation.override(language):
        fast_html = fast.render("starts_at", value, attrs=attrs)
        assert fast_html == django.render("starts_at", value, attrs=attrs)
