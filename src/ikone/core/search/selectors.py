"""Reads of the site-wide search: results, facets, pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.functional import Promise

from ikone.core.search import registry
from ikone.core.search.audience import Audience
from ikone.core.search.backends import Query, get_backend
from ikone.core.search.registry import AnswerHit
from ikone.core.search.text import Snippet, highlight, query_terms, snippet

PAGE_SIZE = 20
MAX_ANSWERS = 3
MAX_PAGES = 50


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str | Promise
    title: str
    title_html: str
    context: str
    snippet: Snippet
    url: str
    score: float


@dataclass(frozen=True)
class Facet:
    kind: str
    label: str | Promise
    count: int
    active: bool


@dataclass
class SearchPage:
    query: str
    terms: list[str]
    kind: str
    page: int
    results: list[Result] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    total: int = 0
    # True when no document had every word and the results match some of them.
    partial: bool = False
    # For a question: passages that answer it, above the results (first page).
    answers: list[AnswerHit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGES, max(1, -(-self.total // PAGE_SIZE)))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def _listed(counts: dict[str, int], providers: Mapping[str, object]) -> dict[str, int]:
    return {kind: count for kind, count in counts.items() if kind in providers}


def site_search(*, audience: Audience, query: str, kind: str = "", page: int = 1) -> SearchPage:
    """One page of results the audience may see: two queries (facets, page)."""
    terms = query_terms(query)
    # Passages are found through the object they belong to.
    providers = {provider.kind: provider for provider in registry.providers() if provider.listed}
    listed = tuple(providers)
    kind = kind if kind in providers else ""
    page = min(max(page, 1), MAX_PAGES)
    result = SearchPage(query=query, terms=terms, kind=kind, page=page)
    if not terms:
        return result
    if page == 1 and not kind:
        result.answers = [
            hit for answerer in registry.ANSWERERS for hit in answerer(audience, query)
        ][:MAX_ANSWERS]
    backend = get_backend()
    search = Query(terms=tuple(terms), audience=audience, kinds=(kind,) if kind else listed)
    counts = _listed(backend.facets(search), providers)
    if not counts and len(terms) > 1:
        search = Query(terms=tuple(terms), audience=audience, kinds=search.kinds, match_all=False)
        counts = _listed(backend.facets(search), providers)
        result.partial = bool(counts)
    result.facets = [
        Facet(kind=p.kind, label=p.label_plural, count=counts[p.kind], active=p.kind == kind)
        for p in providers.values()
        if counts.get(p.kind)
    ]
    result.total = counts.get(kind, 0) if kind else sum(counts.values())
    if result.total:
        hits = backend.search(search, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        result.results = [
            Result(
                kind=hit.document.kind,
                kind_label=providers[hit.document.kind].label
                if hit.document.kind in providers
                else hit.document.kind,
                title=hit.document.title,
                title_html=highlight(hit.document.title, terms),
                context=hit.document.context or "",
                snippet=snippet(hit.document.body, terms),
                url=hit.document.url,
                score=hit.score,
            )
            for hit in hits
        ]
    return result
