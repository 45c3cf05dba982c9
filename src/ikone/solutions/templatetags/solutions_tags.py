"""Small display filters of the catalogue (no queries, no rules)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from ikone.solutions import detail_rows, recommendation_rows
from ikone.solutions.models import ReviewEntry, SizeClass
from ikone.solutions.text import clean_rich_text
from ikone.solutions.workflow import ACTION_LABELS

register = template.Library()


@register.filter
def euro(value: Decimal | int | None) -> str:
    """ "1.250.000 €", or empty for an unknown amount."""
    if value is None:
        return ""
    return f"{number_format(value, decimal_pos=0, force_grouping=True)} €"


@register.filter
def mailto(address: str) -> str:
    return f"mailto:{address}" if address else ""


@register.filter
def size_labels(solution: Any) -> str:
    labels = dict(SizeClass.choices)
    return ", ".join(str(labels[size]) for size in solution.suits_sizes if size in labels)


@register.filter
def rich(html: str) -> SafeString:
    """Stored rich text, cleaned again on the way out."""
    return mark_safe(clean_rich_text(html))  # noqa: S308  # cleaned by nh3


@register.filter
def entry_label(entry: ReviewEntry) -> str:
    from django.utils.translation import gettext as _

    if entry.action == "comment":
        return _("Kommentar")
    if entry.action == "create":
        return _("Entwurf angelegt")
    label = ACTION_LABELS.get(entry.action, entry.action)
    return f"{label}: {entry.get_from_state_display()} → {entry.get_to_state_display()}"


# --- Written in Python (issue 15): solutions/recommendation_rows.py, detail_rows.py ---


@register.simple_tag
def solution_facts(solution: Any) -> SafeString:
    """A profile's fact list."""
    return detail_rows.solution_facts(solution)


@register.simple_tag
def adoption_items(adoptions: Any) -> SafeString:
    """A profile's adopters."""
    return detail_rows.adoption_items(adoptions)


@register.simple_tag
def recommendation_items(results: Any) -> SafeString:
    """The recommendations page's entries."""
    return recommendation_rows.recommendation_items(results)


@register.simple_tag(takes_context=True)
def panel_cited_items(context: template.Context, data: dict[str, Any]) -> SafeString:
    """The section panel's cited solutions, the CSRF field rendered once."""
    return recommendation_rows.panel_cited_items(
        data["cited"],
        section_pk=data["section"].pk,
        can_cite=bool(data["can_cite"]),
        csrf_field=CsrfTokenNode().render(context) if data["can_cite"] else "",
    )


@register.simple_tag(takes_context=True)
def panel_recommended_items(context: template.Context, data: dict[str, Any]) -> SafeString:
    """The section panel's recommended solutions, the CSRF field rendered once."""
    return recommendation_rows.panel_recommended_items(
        data["recommended"],
        section_pk=data["section"].pk,
        can_cite=bool(data["can_cite"]),
        csrf_field=CsrfTokenNode().render(context) if data["can_cite"] else "",
    )
