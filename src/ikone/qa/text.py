"""Answer text: sanitised HTML from what people type.

People write plain text (blank lines separate paragraphs, lines starting
with "- " become a list) or the few HTML tags below; everything else is
removed by nh3.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_HAS_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def _paragraphs(value: str) -> str:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", value.strip()) if b.strip()]
    out = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line[2:].strip())}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return "".join(out)


def sanitize_answer(value: str) -> str:
    """Sanitised HTML for an answer or a published FAQ wording."""
    value = (value or "").strip()
    if not _HAS_TAG.search(value):
        value = _paragraphs(value)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def plain_text(value: str) -> str:
    """Readable text of sanitised HTML (for e-mails, search and the API)."""
    text = _BLOCK_END.sub("\n", value or "")
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
