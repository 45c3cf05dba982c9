import pytest
from django import forms
from django.test.html import parse_html

from ikone.core.widgets import FastSelect

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
