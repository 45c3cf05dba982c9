"""Text helpers of the catalogue: rich text and the folded search text."""

from __future__ import annotations

from collections.abc import Iterable

from ikone.core.search.providers import plain
from ikone.core.text import fold
from ikone.events.sanitize import clean_description

# One sanitiser for the platform's user-written rich text (a small tag set,
# safe links); the events app owns it and sits below this one.
clean_rich_text = clean_description


def search_text(*, title: str, summary: str, description: str, names: Iterable[str]) -> str:
    """What the catalogue's search matches: folded title, summary, text, owners."""
    return fold(" ".join([title, summary, plain(description), *names]))
