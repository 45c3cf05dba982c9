"""Reads of the site-wide search: results, facets, pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from django.db.models import Q
from django.utils.functional import Promise

from ikone.core.search import registry
from ikone.core.search.audience import Audience
from ikone.core.search.backends import Query, SearchBackend, get_backend
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR, AnswerHit, Provider
from ikone.core.search.text import Snippet, highlight, query_terms, snippet

PAGE_SIZE = 20
MAX_ANSWERS = 3
MAX_PAGES = 50
# A hybrid list fuses the hybrid ranking with the best lexical matches of
# the listed kinds that are no directory entries (events and calls have no
# embeddings of their own), by reciprocal rank; every other match follows
# in lexical order (places and organisations among them).
LEXICAL_HEAD = 50
LIST_RRF_K = 10


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


def _hybrid(
    audience: Audience, query: str, providers: Mapping[str, Provider]
) -> dict[int, str] | None:
    """The listed documents the audience may see, in the order of the first
    registered ranker that ranks this query (None: the list stays lexical).
    A passage stands for the document it belongs to (a section for its
    paragraph, a call for its facts), the first time it ranks."""
    for ranker in registry.RANKERS:
        ids = ranker(audience, query)
        if ids is not None:
            break
    else:
        return None
    if not ids:
        return {}
    rows = SearchDocument.objects.filter(pk__in=ids).values_list("pk", "kind", "object_id")
    parent_kinds = {
        kind: provider.listed_as
        for kind in {row[1] for row in rows}
        if (provider := registry.get(kind)) is not None and provider.listed_as
    }
    unit: dict[int, tuple[str, str]] = {}
    condition = Q()
    for pk, kind, object_id in rows:
        if kind in parent_kinds:
            unit[pk] = (parent_kinds[kind], object_id.partition(PASSAGE_SEPARATOR)[0])
        else:
            unit[pk] = (kind, object_id)
    for kind in {k for k, _ in unit.values()}:
        condition |= Q(kind=kind, object_id__in={o for k, o in unit.values() if k == kind})
    listed = {
        (kind, object_id): pk
        for pk, kind, object_id in SearchDocument.objects.filter(
            condition, audience.q(), kind__in=list(providers)
        ).values_list("pk", "kind", "object_id")
    }
    ordered: dict[int, str] = {}  # listed document → its kind, best first
    for pk in ids:
        key = unit.get(pk, ("", ""))
        found = listed.get(key)
        if found is not None and found not in ordered:
            ordered[found] = key[0]
    return ordered


def _fused(hybrid: list[int], lexical: list[int]) -> dict[int, float]:
    """Reciprocal-rank fusion of the two orders, best first."""
    scores: dict[int, float] = {}
    for ranking in (hybrid, lexical):
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1 / (LIST_RRF_K + rank)
    return dict(sorted(scores.items(), key=lambda pair: (-pair[1], pair[0])))


@dataclass(frozen=True)
class _Listing:
    """A hybrid list: `head` (fused order) first, then the other lexical
    matches in lexical order."""

    head: list[int]
    scores: dict[int, float]


def _hybrid_listing(
    backend: SearchBackend,
    search: Query,
    hybrid: dict[int, str],
    counts: dict[str, int],
    providers: Mapping[str, Provider],
    kind: str,
) -> _Listing:
    """Adds the candidates that only the meaning found to the facet counts
    (in place) and orders the head of the list."""
    kinds = hybrid
    everywhere = replace(search, kinds=tuple(providers))
    matching = (
        {
            pk
            for pk, _ in backend.ranked_ids(
                replace(everywhere, ids=tuple(hybrid)), limit=len(hybrid)
            )
        }
        if counts and hybrid
        else set()
    )
    for pk in hybrid:
        if pk not in matching and pk in kinds:
            counts[kinds[pk]] = counts.get(kinds[pk], 0) + 1
    wanted = [pk for pk in hybrid if not kind or kinds.get(pk) == kind]
    answering = tuple(k for k in search.kinds if k in providers and not providers[k].directory)
    lexical = (
        [pk for pk, _ in backend.ranked_ids(replace(search, kinds=answering), limit=LEXICAL_HEAD)]
        if counts and answering
        else []
    )
    fused = _fused(wanted, lexical)
    return _Listing(head=list(fused), scores=fused)


def _page_of(
    backend: SearchBackend, search: Query, listing: _Listing, page: int
) -> list[tuple[SearchDocument, float]]:
    start = (page - 1) * PAGE_SIZE
    head = listing.head[start : start + PAGE_SIZE]
    documents = SearchDocument.objects.defer("embedding").in_bulk(head)
    found = [(documents[pk], listing.scores[pk]) for pk in head if pk in documents]
    if len(head) < PAGE_SIZE:
        rest = backend.search(
            replace(search, exclude_ids=tuple(listing.head)),
            limit=PAGE_SIZE - len(head),
            offset=max(0, start - len(listing.head)),
        )
        found += [(hit.document, hit.score) for hit in rest]
    return found


def site_search(*, audience: Audience, query: str, kind: str = "", page: int = 1) -> SearchPage:
    """One page of results the audience may see: two queries (facets, page)
    for a lexical list; for a question-like query the list is ranked by
    the hybrid ranking (lexical + semantic) fused with the lexical matches,
    and the facets count what either found."""
    terms = query_terms(query)
    # Passages are found through the object they belong to.
    providers = {provider.kind: provider for provider in registry.providers() if provider.listed}
    listed = tuple(providers)
    kind = kind if kind in providers else ""
    page = min(max(page, 1), MAX_PAGES)
    result = SearchPage(query=query, terms=terms, kind=kind, page=page)
    if not terms:
        return result
    backend = get_backend()
    search = Query(terms=tuple(terms), audience=audience, kinds=(kind,) if kind else listed)
    counts = _listed(backend.facets(search), providers)
    if not counts and len(terms) > 1:
        search = Query(terms=tuple(terms), audience=audience, kinds=search.kinds, match_all=False)
        counts = _listed(backend.facets(search), providers)
        result.partial = bool(counts)
    # The ranker first: an answerer may reuse its ranking of the query.
    hybrid = _hybrid(audience, query, providers)
    if page == 1 and not kind:
        result.answers = [
            hit for answerer in registry.ANSWERERS for hit in answerer(audience, query)
        ][:MAX_ANSWERS]
    listing = (
        _hybrid_listing(backend, search, hybrid, counts, providers, kind)
        if hybrid is not None
        else None
    )
    result.facets = [
        Facet(kind=p.kind, label=p.label_plural, count=counts[p.kind], active=p.kind == kind)
        for p in providers.values()
        if counts.get(p.kind)
    ]
    result.total = counts.get(kind, 0) if kind else sum(counts.values())
    if result.total:
        if listing is not None:
            found = _page_of(backend, search, listing, page)
        else:
            found = [
                (hit.document, hit.score)
                for hit in backend.search(search, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
            ]
        result.results = [
            Result(
                kind=document.kind,
                kind_label=providers[document.kind].label
                if document.kind in providers
                else document.kind,
                title=document.title,
                title_html=highlight(document.title, terms),
                context=document.context or "",
                snippet=snippet(document.body, terms),
                url=document.url,
                score=score,
            )
            for document, score in found
        ]
    return result
