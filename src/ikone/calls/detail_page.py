"""The content of a call's page as a memo (issue 15): facts, phases,
documents, criteria and the current text are the same for everyone who
opens /foerderaufrufe/<slug>/, signed in or not.

Signed-out visitors get the whole page from the page cache; signed-in
people had it rendered anew each time (seven queries and most of the
page's CPU). The memo (ADR 0006) keeps the call and its rendered
`<article>` until a table they were read from changes; it is kept apart
per language and script prefix (`memo.key`) and for coordinators, whose
page links to the amendment form. The countdown to the deadline is the one
part that depends on the time: the memo holds a marker in its place, and
each request puts in the countdown of the moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ikone.calls import selectors
from ikone.calls.deadlines import countdown_label
from ikone.calls.models import Call, CallSection
from ikone.core.pagecache import memo

CONTENT_TEMPLATE = "calls/includes/call_detail_content.html"
MEMO_PREFIX = "calls:detail-content:v1"
COUNTDOWN_MARKER = "<!--ikone:countdown-->"


@dataclass(frozen=True)
class CallPage:
    """The call (for title, description and breadcrumbs; its prefetched
    facts dropped) and its rendered content with the countdown's marker."""

    call: Call
    content: str

    def content_html(self) -> SafeString:
        """The content with the countdown as of now."""
        countdown = escape(countdown_label(self.call.deadline))
        # Safe: the memo holds our template's output, the countdown is escaped.
        return mark_safe(self.content.replace(COUNTDOWN_MARKER, countdown))  # noqa: S308


def call_page(*, slug: str, can_manage: bool) -> CallPage:
    """The page of the call `slug`; Http404 if unknown (not kept).
    `can_manage`: the person may publish a new version (a link more)."""
    key = memo.key(MEMO_PREFIX, slug, can_manage)
    return memo.get_or_compute(key, lambda: _call_page(slug, can_manage))


def faq_url(call: Call) -> str:
    """The call's FAQ page (added by the questions app), if it exists."""
    try:
        return reverse("calls:faq", kwargs={"slug": call.slug})
    except NoReverseMatch:
        return ""


def toc_of(sections: list[CallSection]) -> list[dict]:
    """Nested table of contents: [{"section": s, "children": [...]}, …]."""
    nodes: dict[int, dict] = {}
    roots: list[dict] = []
    for section in sections:
        node = {"section": section, "children": []}
        nodes[section.pk] = node
        parent = nodes.get(section.parent_id) if section.parent_id else None
        (parent["children"] if parent else roots).append(node)
    return roots


def _call_page(slug: str, can_manage: bool) -> CallPage:
    call = selectors.call_get(slug=slug)
    sections = selectors.current_sections(call)
    content = render_to_string(
        CONTENT_TEMPLATE,
        {
            "call": call,
            "version": call.current_version,
            "sections": sections,
            "toc": toc_of(sections),
            "faq_url": faq_url(call),
            "can_manage": can_manage,
            "countdown": mark_safe(COUNTDOWN_MARKER),  # noqa: S308 - a constant
        },
    )
    # The page around the content reads only the call's own fields.
    call._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    return CallPage(call=call, content=str(content))
