"""Links and parts for the questions templates."""

import functools
from collections.abc import Iterable

from django import template
from django.forms import BoundField
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import render_to_string
from django.templatetags.l10n import unlocalize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.calls.models import Call, CallSection
from ikone.qa import answer_cards as cards
from ikone.qa.views._helpers import call_url, faq_url, section_url

register = template.Library()


@register.filter
def section_link(section: CallSection, call: Call) -> str:
    """`{{ section|section_link:call }}` → /foerderaufrufe/<slug>/#<anchor>."""
    return section_url(call, section)


@register.filter
def call_link(call: Call) -> str:
    return call_url(call)


@register.filter
def faq_link(call: Call) -> str:
    return faq_url(call)


# --- Written in Python (issue 15) ------------------------------------------------
# The question page showed these through `{% include %}` and template loops,
# which cost more than the rest of its body; they write what the templates
# `qa/includes/sections.html` and `qa/includes/choice_fieldset.html` wrote,
# up to whitespace (compared in tests/qa/test_question_page_parts.py). The
# include files stay for other apps' templates.


@register.simple_tag
def cited_sections(sections: Iterable[CallSection], call: Call, label: str) -> SafeString:
    """The cited sections as links to the call page, under `label`; nothing
    when there are none."""
    items = list(sections)
    if not items:
        return mark_safe("")  # noqa: S308 - empty
    base = call_url(call)
    links = "".join(
        f'<li><a class="kern-link" href="{escape(f"{base}#{section.anchor}")}">'
        f"{escape(section.number)} {escape(section.title)}</a></li>"
        for section in items
    )
    return mark_safe(  # noqa: S308 - the label, numbers, titles and addresses escaped
        f'<div><p class="kern-body kern-body--small"><strong>{conditional_escape(label)}'
        f'</strong></p><ul class="ikone-plain-list">{links}</ul></div>'
    )


@register.simple_tag
def choice_fieldset(field: BoundField, kind: str) -> SafeString:
    """A field with several flat choices (checkboxes or radio buttons) as a
    KERN fieldset; other fields through the include template."""
    widget = field.field.widget
    # iter() first: list() asks a model choice iterator for its length, a
    # COUNT query the include's loop over the subwidgets never made.
    choices = list(iter(getattr(widget, "choices", ())))
    if any(isinstance(label, list | tuple) for _value, label in choices):
        return render_to_string("qa/includes/choice_fieldset.html", {"field": field, "kind": kind})
    values = {str(value) for value in widget.format_value(field.value())}
    multiple = widget.allow_multiple_selected
    auto_id = field.auto_id
    name = escape(field.html_name)
    kind = escape(kind)
    options = []
    has_selected = False
    for index, (value, label) in enumerate(choices):
        value = "" if value is None else value
        selected = (not has_selected or multiple) and str(value) in values
        has_selected |= selected
        option_id = f' id="{escape(f"{auto_id}_{index}")}"' if auto_id else ""
        label_for = f' for="{escape(f"{auto_id}_{index}")}"' if auto_id else ' for=""'
        options.append(
            '<div class="kern-form-check">'
            f'<input class="kern-form-check__{kind}" type="{kind}" name="{name}" '
            f'value="{escape(unlocalize(value))}"{option_id}{" checked" if selected else ""}>'
            f'<label class="kern-label"{label_for}>{conditional_escape(label)}</label>'
            "</div>"
        )
    help_text = field.help_text
    described = f' aria-describedby="{escape(auto_id)}_helptext"' if help_text else ""
    optional = (
        f' <span class="kern-label__optional">– {escape(_("optional"))}</span>'
        if not field.field.required and kind == "checkbox"
        else ""
    )
    hint = (
        f'<div class="kern-hint" id="{escape(auto_id)}_helptext">{conditional_escape(help_text)}</div>'
        if help_text
        else ""
    )
    errors = "".join(
        f'<p class="kern-error" role="alert">{conditional_escape(str(error))}</p>'
        for error in field.errors
    )
    return mark_safe(  # noqa: S308 - every value above escaped
        f'<fieldset class="kern-fieldset{" kern-fieldset--error" if field.errors else ""}"'
        f'{described}><legend class="kern-label">{conditional_escape(field.label)}{optional}'
        f"</legend>{hint}{errors}"
        f'<div class="kern-fieldset__body">{"".join(options)}</div></fieldset>'
    )


@register.simple_tag(takes_context=True)
def answer_cards(context: template.Context, answers, question, can) -> SafeString:
    """The answers' cards (qa/answer_cards.py), with the page's CSRF field
    rendered once, when the first of their forms needs it."""
    return cards.answer_cards(
        answers, question, can, functools.cache(lambda: CsrfTokenNode().render(context))
    )
