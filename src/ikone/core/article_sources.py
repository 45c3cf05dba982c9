"""What an article can be written from: a past workshop (events) becomes an
Erfahrungsbericht draft (knowledge). The two apps are peers, so the app
that has the material registers a `SourceProvider` here and the knowledge
app reads it; neither imports the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise

from ikone.core.registry import Registry


@dataclass(frozen=True)
class ArticleSource:
    """What an article draft takes over from its source."""

    key: str  # "<provider kind>:<id>", e.g. "event:workshop-2021-01-12"
    title: str
    date: dt.date
    url: str  # the source's page on the platform
    speakers: tuple[str, ...] = ()
    call_ids: tuple[int, ...] = ()
    field_keys: tuple[str, ...] = ()
    text: str = ""  # plain text: summary, description, notes
    materials: tuple[str, ...] = ()  # titles of slides, minutes, recordings


@dataclass(frozen=True)
class SourceProvider:
    kind: str
    label: str | Promise
    # The sources to choose from (newest first): (id, title, date).
    choices: Callable[[], list[tuple[str, str, dt.date]]]
    get: Callable[[str], ArticleSource | None] = field(default=lambda _id: None)


PROVIDERS: Registry[SourceProvider] = Registry(
    "Article sources",
    key=lambda provider: provider.kind,
    describe=lambda p: f"{p.kind}: {p.label} ({p.choices.__module__})",
)


def register(provider: SourceProvider) -> SourceProvider:
    return PROVIDERS.register(provider)


def get(key: str) -> ArticleSource | None:
    """The source `<kind>:<id>`, or None."""
    kind, _sep, source_id = key.partition(":")
    provider = PROVIDERS.get(kind)
    return provider.get(source_id) if provider is not None else None
