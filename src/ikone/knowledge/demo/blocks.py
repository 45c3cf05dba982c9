"""Builders for StreamField data in Wagtail's JSON form, used by the demo
content. Rich text is in Wagtail's database format (plain HTML; page links
as `<a linktype="page" id="…">`)."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

RawBlock = dict[str, Any]


@dataclass(frozen=True)
class Card:
    """A link card: to a CMS page (by slug below the start page), a platform
    area (URL name) or an external address."""

    title: str
    text: str = ""
    page_slug: str = ""
    area: str = ""
    url: str = ""


def _item(value: Any) -> RawBlock:
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def heading(text: str, level: str = "h2") -> RawBlock:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*html: str) -> RawBlock:
    return {"type": "paragraph", "value": "".join(html)}


def facts(title: str, items: Iterable[tuple[str, str]]) -> RawBlock:
    return {
        "type": "facts",
        "value": {
            "heading": title,
            "facts": [_item({"term": term, "description": text}) for term, text in items],
        },
    }


def cards(title: str, items: Iterable[Card], page_ids: dict[str, int]) -> RawBlock:
    """A card group; `page_ids` maps the slugs of demo pages to their ids."""
    return {
        "type": "cards",
        "value": {
            "heading": title,
            "cards": [
                _item(
                    {
                        "title": card.title,
                        "text": card.text,
                        "page": page_ids.get(card.page_slug) if card.page_slug else None,
                        "area": card.area,
                        "url": card.url,
                    }
                )
                for card in items
            ],
        },
    }


def figures() -> RawBlock:
    return {"type": "figures", "value": None}
