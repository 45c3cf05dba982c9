"""Template filters of the events app."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from ikone.events import list_rows
from ikone.events.formatting import format_when
from ikone.events.models import Event
from ikone.events.sanitize import clean_description

register = template.Library()


@register.filter
def when(event: Event) -> str:
    """An event's date and time span in German form (Europe/Berlin)."""
    return format_when(event.starts_at, event.ends_at)


@register.filter
def rich_text(html: str) -> SafeString:
    """An event's description, sanitised again on output (services already
    clean it when saving; rows written another way, e.g. by the admin or a
    data import, must not reach the page unsanitised)."""
    return mark_safe(clean_description(html))  # noqa: S308  # cleaned by nh3


@register.simple_tag
def event_cards(events: Any) -> SafeString:
    """The cards of the event list (events/list_rows.py)."""
    return list_rows.event_cards(events)
