"""Template filters of the events app."""

from __future__ import annotations

from django import template

from ikone.events.formatting import format_when
from ikone.events.models import Event

register = template.Library()


@register.filter
def when(event: Event) -> str:
    """An event's date and time span in German form (Europe/Berlin)."""
    return format_when(event.starts_at, event.ends_at)
