"""Section text: sanitising, plain text and paragraphs.

Section text is stored as sanitised HTML. Plain text written in YAML
(paragraphs separated by blank lines, lines starting with "- " as lists)
is turned into HTML by `paragraphs_to_html`.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

_BLOCK_END = re.compile(r"</(p|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t]+")


def sanitize(value: str) -> str:
    """Keep only the few tags section text may use."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def paragraphs_to_html(value: str) -> str:
    """Plain text to HTML: blank lines separate paragraphs, "- " starts a
    list item. The text is escaped first."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", (value or "").strip()) if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line[2:].strip())}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{html.escape(' '.join(lines))}</p>")
    return "".join(out)


def html_to_text(value: str) -> str:
    """Readable plain text of sanitised HTML: one line per paragraph/item."""
    text = _BLOCK_END.sub("\n", value or "")
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
