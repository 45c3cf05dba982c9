"""What can be found: one provider per kind of object.

A provider turns an object into a `DocumentData` (or None when it must not
be found, e.g. a draft) and names the models whose changes touch its
documents. Each app brings its providers in a module
`<app>/search_documents.py` that calls `register(...)` when imported;
`autodiscover` imports those modules, so core names no app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import SafeString

from ikone.core.registry import Registry
from ikone.core.search.models import Visibility


@dataclass(frozen=True)
class DocumentData:
    """What the index stores about one object."""

    object_id: str
    title: str
    body: str
    url: str
    visibility: str = Visibility.PUBLIC
    group: str = ""
    context: str = ""
    organization_id: int | None = None
    owner_id: int | None = None
    suggestible: bool = False


# Maps a changed instance of a watched model to the objects of this
# provider whose documents need rebuilding (their primary keys).
Affected = Callable[[Any], Iterable[Any]]


@dataclass
class Provider:
    """Describes one kind of findable object."""

    kind: str
    label: str | Promise
    label_plural: str | Promise
    model: str  # "app_label.ModelName"
    # One document per object, or for `passages` providers a list of them
    # (object ids "<object pk>:<n>", see `passage_id`).
    document: Callable[[Any], DocumentData | list[DocumentData] | None]
    # Optional: narrows and prefetches the queryset used to (re)build documents.
    queryset: Callable[[models.QuerySet[Any]], models.QuerySet[Any]] = lambda qs: qs
    # Other models whose changes alter this provider's documents.
    watches: dict[str, Affected] = field(default_factory=dict)
    position: int = 100
    # Passages (paragraphs of a section, generated fact sentences) answer
    # questions but are not hits of their own on the search page, which
    # lists the object they belong to.
    listed: bool = True
    # `document` returns a list of passages (object ids from `passage_id`).
    passages: bool = False
    # For passages: the kind of the listed document they belong to (its
    # object id is the part of theirs before the separator), which the
    # search page shows when a passage ranks (e.g. "call_section").
    listed_as: str = ""
    # Directory entries (places, organisations) are what a query naming
    # them looks for; for a question they follow the things that answer it.
    directory: bool = False

    def model_class(self) -> type[models.Model] | None:
        from django.apps import apps

        app_label, _, name = self.model.partition(".")
        try:
            return apps.get_model(app_label, name)
        except LookupError:
            return None

    def objects(self) -> models.QuerySet[Any] | None:
        model = self.model_class()
        if model is None:
            return None
        return self.queryset(model._default_manager.all())


PROVIDERS: Registry[Provider] = Registry(
    "Search providers",
    key=lambda provider: provider.kind,
    describe=lambda p: f"{p.position:>3} {p.kind}: {p.model} ({p.document.__module__})",
    order=lambda provider: (provider.position, provider.kind),
)
_discovered = False


PASSAGE_SEPARATOR = ":"


def passage_id(object_pk: Any, number: int) -> str:
    """The object id of the `number`-th passage of an object."""
    return f"{object_pk}{PASSAGE_SEPARATOR}{number}"


def register(provider: Provider) -> Provider:
    return PROVIDERS.register(provider)


def autodiscover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    autodiscover_modules("search_documents")


def providers() -> list[Provider]:
    """The providers whose model exists, in display order."""
    autodiscover()
    found = [p for p in PROVIDERS if p.model_class() is not None]
    return sorted(found, key=lambda p: (p.position, p.kind))


def get(kind: str) -> Provider | None:
    autodiscover()
    return PROVIDERS.get(kind)


def by_model() -> Iterator[tuple[type[models.Model], Provider, Affected | None]]:
    """(model, provider, affected) for every model a provider indexes or watches;
    `affected` is None for the provider's own model."""
    from django.apps import apps

    for provider in providers():
        own = provider.model_class()
        if own is not None:
            yield own, provider, None
        for dotted, affected in provider.watches.items():
            app_label, _, name = dotted.partition(".")
            try:
                yield apps.get_model(app_label, name), provider, affected
            except LookupError:
                continue


@dataclass(frozen=True)
class AnswerHit:
    """A passage that answers a question typed into the search, shown above
    the results: its best sentence (escaped, matches in <mark>) and where
    it comes from."""

    kind: str
    title: str
    source: str
    context: str
    sentence: SafeString
    url: str


# (audience, query) → answers the audience may see, best first; [] when the
# query is no question or nothing answers it confidently.
Answerer = Callable[[Any, str], list[AnswerHit]]

ANSWERERS: Registry[Answerer] = Registry(
    "Search answerers",
    key=lambda answerer: f"{answerer.__module__}.{answerer.__qualname__}",
    describe=lambda answerer: f"{answerer.__module__}.{answerer.__qualname__}",
)


def register_answerer(answerer: Answerer) -> Answerer:
    return ANSWERERS.register(answerer)


# (audience, query) → ids of documents best first by the hybrid ranking
# (lexical + semantic, fused), or None when the query is not one to rank
# that way (no question, or it names a place the directory should lead
# with). The ids may be passages and unchecked semantic candidates: the
# site search maps them to the listed documents the audience may see.
Ranker = Callable[[Any, str], list[int] | None]

RANKERS: Registry[Ranker] = Registry(
    "Search rankers",
    key=lambda ranker: f"{ranker.__module__}.{ranker.__qualname__}",
    describe=lambda ranker: f"{ranker.__module__}.{ranker.__qualname__}",
)


def register_ranker(ranker: Ranker) -> Ranker:
    return RANKERS.register(ranker)
