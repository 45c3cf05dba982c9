"""Template helpers of the application workshop (no queries, no rules)."""

from __future__ import annotations

from typing import Any

from django import template

from ikone.applications.navigation import Tab, draft_tabs

register = template.Library()


@register.simple_tag(takes_context=True)
def draft_tab_list(context: template.Context, draft: Any) -> list[Tab]:
    """The tabs of the draft's pages, the current one marked."""
    request = context.get("request")
    return draft_tabs(draft.pk, request.path if request else "")
