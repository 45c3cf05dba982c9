"""The amendment page's section fieldsets as one string (issue 15): three
fields per section of the current version (about a hundred on the example
call), each through an include of `components/field.html`, cost the
template engine more than the fields themselves. Built here; the output is
what the template's loop wrote, up to whitespace (compared in
tests/calls/test_amendment_rows.py).

The empty form's fieldsets depend only on the sections' numbers, titles
and texts and the language: they are kept in the cache under a hash of
exactly these, so a coordinator opening the page again (or another one)
gets them without rendering three hundred fields; any change to a section
is another key."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ikone.calls.forms import AmendmentForm
from ikone.core.form_fields import render_field

CACHE_PREFIX = "calls:amendment-fieldsets:v1:"
CACHE_SECONDS = 3600


def section_fieldsets(form: AmendmentForm) -> SafeString:
    """One fieldset per section: its number as the legend, the title, text
    and remove fields. A form sent back (with the person's values and
    errors) is rendered each time; the empty one's text is cached."""
    if form.is_bound:
        return _fieldsets(form)
    content = repr(
        (get_language(), form.prefix, [(s.number, s.title, s.text) for s in form.sections])
    )
    key = CACHE_PREFIX + hashlib.sha256(content.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = _fieldsets(form)
        cache.set(key, html, CACHE_SECONDS)
    return html  # type: ignore[no-any-return]


def _fieldsets(form: AmendmentForm) -> SafeString:
    legend = _("Abschnitt %(number)s")
    parts = []
    for row in form.section_rows():
        section = row["section"]
        parts.append(
            '<fieldset class="ikone-amend-section ikone-amend-section--depth-'
            f'{section.depth}">'
            '<legend class="kern-title">'
            f"{legend % {'number': conditional_escape(section.number)}}</legend>"
            f"{render_field(row['title'])}{render_field(row['text'])}"
            f"{render_field(row['remove'])}</fieldset>"
        )
    # Safe: the number goes through conditional_escape, the fields render
    # themselves escaped.
    return mark_safe("\n".join(parts))  # noqa: S308
