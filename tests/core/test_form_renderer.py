"""Django's built-in widget templates go through Jinja2 (issue 15: they were
most of a form page's time); templates of apps stay with Django's engine,
and the HTML means the same as before (only whitespace between tags
differs)."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template

from ikone.core.form_renderer import FastWidgetRenderer


class Sample(forms.Form):
    sections = forms.MultipleChoiceField(
        choices=[("a", "Ausgangslage"), ("b", "Ziele & <Wirkung>")],
        widget=forms.CheckboxSelectMultiple,
    )
    score = forms.TypedChoiceField(choices=[("", "–"), ("1", "eins"), ("2", "zwei")])
    note = forms.CharField(widget=forms.Textarea, help_text="Hinweis")
    agree = forms.BooleanField()


def _same_markup(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))).strip()


def test_the_project_uses_it():
    assert isinstance(get_default_renderer(), FastWidgetRenderer)


def test_built_in_widgets_go_to_jinja2_and_app_templates_to_django():
    renderer = FastWidgetRenderer()
    assert isinstance(renderer.get_template("django/forms/widgets/select.html"), Jinja2Template)
    # Wagtail's own widget template has no Jinja2 twin: Django's engine renders it.
    assert isinstance(renderer.get_template("wagtailadmin/widgets/switch.html"), DjangoTemplate)


def test_the_html_means_what_django_templates_wrote():
    data = {"sections": ["b"], "score": "2", "note": "<b>fett</b>", "agree": "on"}
    for bound in (Sample(), Sample(data=data), Sample(data={"score": "9"})):
        bound.is_valid()
        fast = Sample(data=bound.data or None, renderer=FastWidgetRenderer())
        slow = Sample(data=bound.data or None, renderer=DjangoTemplates())
        fast.is_valid()
        slow.is_valid()
        assert _same_markup(str(fast)) == _same_markup(str(slow))
        assert "&lt;Wirkung&gt;" in str(fast)
