"""The amendment page's section fieldsets as one string (issue 15): three
fields per section of the current version (about a hundred on the example
call), each through an include of `components/field.html`, cost the
template engine more than the fields themselves. Built here; the output is
what the template's loop wrote, up to whitespace (compared in
tests/calls/test_amendment_rows.py)."""

from __future__ import annotations

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.calls.forms import AmendmentForm
from ikone.core.form_fields import render_field


def section_fieldsets(form: AmendmentForm) -> SafeString:
    """One fieldset per section: its number as the legend, the title, text
    and remove fields."""
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
