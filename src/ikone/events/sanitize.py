"""The events' rich text: a small set of HTML tags, everything else removed
by nh3 before it is saved. Plain text with blank lines becomes paragraphs,
so coordinators need not write HTML."""

from __future__ import annotations

import re

import nh3
from django.utils.html import escape

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_PARAGRAPHS = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> str:
    """Plain text: escape it, blank lines separate paragraphs, single line
    breaks stay."""
    parts = [part.strip() for part in _PARAGRAPHS.split(text.strip()) if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in parts)


def clean_description(text: str) -> str:
    """Safe HTML for an event description: allowed tags only, links with
    rel="noopener noreferrer" and only http(s)/mailto targets."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return ""
    if not _TAG.search(text):
        text = _paragraphs(text)
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
