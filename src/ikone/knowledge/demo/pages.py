"""The demo installation's public pages, read from `pages/*.md` (see
docs/demo.md): `start.md` is the start page, the other files are the
standard pages below it in the order of their file names.

A page file has a front matter between `---` lines (slug, title, intro, …)
and a Markdown body: `## ` and `### ` headings, paragraphs and lists (see
`core.demo_data.markdown_html`), and fenced blocks for the page components:
` ```facts ` (heading, facts: term: description), ` ```cards ` (heading,
cards: title, text and one of page (a demo page's slug), area (a platform
area's URL name) or url) and ` ```figures ` (the network in figures).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ikone.core.demo_data import (
    DemoDataError,
    Located,
    MarkdownFile,
    Prose,
    load_markdown,
    load_yaml,
    markdown_html,
    record,
)
from ikone.knowledge.demo.blocks import (
    Card,
    RawBlock,
    cards,
    facts,
    figures,
    heading,
    paragraph,
)

PAGES_DIR = Path(__file__).resolve().parent / "pages"
HOME_FILE = PAGES_DIR / "start.md"

_FENCE = re.compile(r"^```[ \t]*(\w*)[ \t]*$")
_HEADING = re.compile(r"^(#{2,3})[ \t]+(.+?)[ \t]*$")


@dataclass(frozen=True)
class HomeMeta:
    title: str
    hero_title: str
    hero_intro: Prose
    search_description: Prose = ""


@dataclass(frozen=True)
class PageMeta:
    slug: str
    title: str
    intro: Prose
    search_description: Prose = ""
    footer_role: str = ""  # imprint, privacy or accessibility


@dataclass(frozen=True)
class Facts:
    facts: dict[str, str]
    heading: str = ""


@dataclass(frozen=True)
class CardLink:
    title: str
    text: str = ""
    page: str = ""
    area: str = ""
    url: str = ""


@dataclass(frozen=True)
class Cards:
    cards: tuple[CardLink, ...]
    heading: str = ""


# ("heading", (text, level)), ("paragraph", html), ("facts", Facts),
# ("cards", Cards) or ("figures", None)
Block = tuple[str, Any]


@dataclass(frozen=True)
class DemoPage:
    meta: Any  # HomeMeta for the start page, PageMeta for the others
    blocks: tuple[Block, ...]

    def body(self, page_ids: dict[str, int]) -> list[RawBlock]:
        """The StreamField data; `page_ids` maps demo pages' slugs to ids."""
        return [_raw(block, page_ids) for block in self.blocks]


@functools.cache
def demo_home() -> DemoPage:
    """The start page (`pages/start.md`); raises DemoDataError."""
    return _page(HOME_FILE, HomeMeta)


@functools.cache
def demo_standard_pages() -> tuple[DemoPage, ...]:
    """The standard pages, in the order of their file names."""
    paths = sorted(path for path in PAGES_DIR.glob("*.md") if path != HOME_FILE)
    return tuple(_page(path, PageMeta) for path in paths)


def _page(path: Path, meta_type: type) -> DemoPage:
    document = load_markdown(path)
    return DemoPage(meta=record(meta_type, document.meta, path=path), blocks=_blocks(document))


def _blocks(document: MarkdownFile) -> tuple[Block, ...]:
    found: list[Block] = []
    prose: list[str] = []
    lines = document.body.split("\n")
    index = 0
    while index < len(lines):
        line, number = lines[index], document.body_line + index
        fence = _FENCE.match(line)
        heading = _HEADING.match(line)
        if fence or heading or line.startswith("#"):
            found.extend(_paragraph(prose))
        if fence:
            end = _fence_end(document.path, lines, index, number)
            content = "\n".join(lines[index + 1 : end])
            found.append(_component(document.path, fence[1], content, number))
            index = end
        elif heading:
            found.append(("heading", (heading[2], f"h{len(heading[1])}")))
        elif line.startswith("#"):
            raise DemoDataError(document.path, number, "Überschriften beginnen mit „## “.")
        else:
            prose.append(line)
        index += 1
    found.extend(_paragraph(prose))
    return tuple(found)


def _paragraph(prose: list[str]) -> list[Block]:
    text = "\n".join(prose).strip()
    prose.clear()
    return [("paragraph", markdown_html(text))] if text else []


def _fence_end(path: Path, lines: list[str], start: int, number: int) -> int:
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == "```":
            return index
    raise DemoDataError(path, number, "Der Block wird nicht mit einer Zeile „```“ geschlossen.")


def _component(path: Path, kind: str, content: str, line: int) -> Block:
    if kind == "figures":
        if content.strip():
            raise DemoDataError(path, line, "Der Block „figures“ bleibt leer.")
        return ("figures", None)
    types = {"facts": Facts, "cards": Cards}
    if kind not in types:
        raise DemoDataError(
            path, line, f"unbekannter Block „{kind}“ (erlaubt: facts, cards, figures)."
        )
    data = load_yaml(path, text=content, line_offset=line)
    if not isinstance(data, Located):
        raise DemoDataError(path, line, f"Der Block „{kind}“ braucht „feld: wert“-Zeilen.")
    value: Any = record(types[kind], data, path=path)
    if isinstance(value, Facts):
        facts = {term.strip(): text.strip() for term, text in value.facts.items()}
        value = dataclasses.replace(value, facts=facts)
    return (kind, value)


def _raw(block: Block, page_ids: dict[str, int]) -> RawBlock:
    kind, value = block
    if kind == "heading":
        return heading(*value)
    if kind == "paragraph":
        return paragraph(value)
    if kind == "facts":
        return facts(value.heading, value.facts.items())
    if kind == "cards":
        links = [
            Card(card.title, card.text, page_slug=card.page, area=card.area, url=card.url)
            for card in value.cards
        ]
        return cards(value.heading, links, page_ids)
    return figures()
