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
    """Plain text to HTML: blank lines separate paragraphs, lines starting
    with "- " are list items (a list may follow a paragraph line directly).
    The text is escaped."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", (value or "").strip()) if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        paragraph: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    out.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
                    paragraph = []
                items.append(f"<li>{html.escape(line[2:].strip())}</li>")
            else:
                if items:
                    out.append(f"<ul>{''.join(items)}</ul>")
                    items = []
                paragraph.append(line)
        if paragraph:
            out.append(f"<p>{html.escape(' '.join(paragraph))}</p>")
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
    return "".join(out)


def html_to_text(value: str) -> str:
    """Readable plain text of sanitised HTML: one line per paragraph/item."""
    text = _BLOCK_END.sub("\n", value or "")
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


_LI = re.compile(r"<li[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"<(p|ul|ol)[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def html_to_paragraphs(value: str) -> str:
    """The editable plain form of section HTML (inverse of
    `paragraphs_to_html` for the markup it writes): paragraphs separated by
    blank lines, list items as "- " lines. Other markup is dropped."""
    blocks = []
    for match in _BLOCK.finditer(value or ""):
        tag, inner = match.group(1).lower(), match.group(2)
        if tag in ("ul", "ol"):
            items = [html_to_text(item).replace("\n", " ") for item in _LI.findall(inner)]
            blocks.append("\n".join(f"- {item}" for item in items))
        else:
            blocks.append(html_to_text(inner).replace("\n", " "))
    if not blocks and value:
        return html_to_text(value)
    return "\n\n".join(blocks)
