"""Template helpers of the calls app."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

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
