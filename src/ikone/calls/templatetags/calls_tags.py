"""Template helpers of the calls app."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.calls.deadlines import countdown_label
from ikone.calls.text import sanitize

register = template.Library()


@register.filter
def countdown(deadline: dt.datetime | None) -> str:
    """{{ call.deadline|countdown }} -> "noch 23 Tage"."""
    return countdown_label(deadline)


@register.filter
def percent(value: Decimal | None) -> str:
    """65.00 -> "65 %", 82.50 -> "82,5 %"."""
    if value is None:
        return ""
    normalized = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    return f"{number_format(normalized)}\u00a0%"


@register.filter
def euro(value: Decimal | None) -> str:
    """150000000 -> "150.000.000 €"."""
    if value is None:
        return ""
    normalized = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return f"{number_format(normalized, force_grouping=True)}\u00a0€"


@register.filter
def section_html(value: str) -> SafeString:
    """Section text, sanitised again on output (it is stored sanitised)."""
    return mark_safe(sanitize(value))  # noqa: S308 - nh3 output


_HEADINGS = {1: ("h3", "kern-heading-small"), 2: ("h4", "kern-title")}


@register.simple_tag
def call_toc(nodes: list[dict], base: str = "") -> SafeString:
    """The nested table of contents as <ol> lists (rendered in Python: a
    call has dozens of sections and template includes per entry are slow)."""
    if not nodes:
        return mark_safe("")  # noqa: S308 - empty
    items = [
        format_html(
            '<li><a class="kern-link" href="{}#{}">{} {}</a>{}</li>',
            base,
            node["section"].anchor,
            node["section"].number,
            node["section"].title,
            call_toc(node["children"], base),
        )
        for node in nodes
    ]
    return format_html('<ol class="ikone-toc__list">{}</ol>', mark_safe("".join(items)))  # noqa: S308 - built with format_html


@register.simple_tag
def call_sections(sections: list, base: str = "") -> SafeString:
    """The numbered sections in reading order; the heading level follows the
    depth (1 -> h3, 2 -> h4, deeper -> h5), each with its anchor and a link."""
    parts = []
    for section in sections:
        tag, css = _HEADINGS.get(section.depth, ("h5", "kern-title kern-title--small"))
        text = section_html(section.text) if section.text else ""
        parts.append(
            format_html(
                '<section class="ikone-call-section ikone-call-section--depth-{depth}" id="{anchor}" '
                'aria-labelledby="{anchor}-titel"><{tag} class="{css}" id="{anchor}-titel">'
                '<span class="ikone-call-section__number">{number}</span> {title}</{tag}>'
                "{body}"
                '<p class="kern-body kern-body--small"><a class="kern-link" href="{base}#{anchor}">'
                "{link}</a></p></section>",
                depth=min(section.depth, 3),
                anchor=section.anchor,
                tag=tag,
                css=css,
                number=section.number,
                title=section.title,
                body=format_html('<div class="ikone-richtext kern-body">{}</div>', text)
                if text
                else "",
                base=base,
                link=_("Link zu Abschnitt %(number)s") % {"number": section.number},
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - built with format_html
