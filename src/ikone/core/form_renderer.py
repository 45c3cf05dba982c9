"""Form widgets rendered by Jinja2, everything else by Django's engine.

A form page spends most of its time in Django's own widget templates: every
option of a select or a list of checkboxes is an `{% include %}` of
`input_option.html` and `attrs.html`, about 0.1 ms each (issue 15: the
criteria page rendered 21 widgets in 20 of its 30 ms). Django ships the same
templates for Jinja2 (`django/forms/jinja2/`), tested by Django to give the
same HTML, and Jinja2 compiles them to Python functions. Only those built-in
templates (`django/forms/…`) go to Jinja2; a widget of Wagtail, allauth or
IKONE with a template of its own stays with Django's engine, so nothing has
to be written twice.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist

_BUILT_IN = "django/forms/"


class FastWidgetRenderer(BaseRenderer):
    def __init__(self) -> None:
        self._jinja2 = Jinja2()
        self._django = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        if template_name.startswith(_BUILT_IN):
            try:
                return self._jinja2.get_template(template_name)
            except TemplateDoesNotExist:
                pass
        return self._django.get_template(template_name)
