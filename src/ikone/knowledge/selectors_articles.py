"""Reads of the knowledge base: the filtered list at /wissen/, one article's
context, an attachment to download."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ikone.accounts.visibility import Viewer, can_view_scope, scopes_of, viewer_of_request
from ikone.calls.models import Call
from ikone.core.models import FieldOfAction
from ikone.core.pagecache import memo
from ikone.core.registry import Registry
from ikone.core.search.backends import get_backend
from ikone.core.search.backends.base import Query, SearchBackend
from ikone.core.search.models import SearchDocument
from ikone.core.search.text import query_terms
from ikone.knowledge.article_related import article_related
from ikone.knowledge.models import (
    ArticleAttachment,
    ArticleKind,
    ArticlePage,
    KnowledgeIndexPage,
)
from ikone.knowledge.permissions import can_download_attachment

SEARCH_KIND = "article"
SEARCH_LIMIT = 500
CHOICES_CACHE_KEY = "knowledge:filter-choices:v1"
CHOICES_CACHE_SECONDS = 3600
INTRO_CACHE_KEY = "knowledge:index-intro"


@dataclass(frozen=True)
class ArticleFilters:
    kind: str = ""
    field_of_action: str = ""  # FieldOfAction.key
    call: str = ""  # Call.slug
    year: int | None = None
    query: str = ""


@dataclass(frozen=True)
class FilterChoices:
    fields_of_action: list[tuple[str, str]] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


# Apps above knowledge (solutions) register here what they link to an
# article; knowledge never imports them.
RELATED_SECTIONS: Registry[Any] = Registry(
    "Knowledge article sections", key=lambda entry: entry[0], describe=lambda e: e[0]
)


def register_related_section(key: str, heading: Any, links: Any) -> None:
    """Show `heading` and `links(article=…, viewer=…) -> [(title, url)]` on
    every article page where the callable returns links."""
    RELATED_SECTIONS.register((key, heading, links))


def article_list(*, viewer: Viewer, filters: ArticleFilters) -> QuerySet[ArticlePage]:
    """Live articles the person may read, newest first, filtered; the
    authors' organisations and fields of action prefetched. A search term
    keeps the articles the site-wide index finds for it (one query more)."""
    articles = ArticlePage.objects.live().select_related("review")
    scopes = scopes_of(viewer)
    if scopes is not None:
        articles = articles.filter(visibility__in=sorted(scopes))
    if filters.kind:
        articles = articles.filter(kind=filters.kind)
    if filters.field_of_action:
        articles = articles.filter(fields_of_action__key=filters.field_of_action)
    if filters.call:
        articles = articles.filter(calls__slug=filters.call)
    if filters.year:
        articles = articles.filter(date__year=filters.year)
    if filters.query:
        articles = _found(articles, viewer, filters.query)
    return articles.order_by("-date", "-pk").prefetch_related(
        Prefetch("fields_of_action", queryset=FieldOfAction.objects.order_by("position")),
        "author_organizations",
    )


def _found(articles: QuerySet[ArticlePage], viewer: Viewer, text: str) -> QuerySet[ArticlePage]:
    """The articles the site-wide index finds for the text. In the database
    the search is a subquery of the list's queries (all matches; the list
    orders by date, so no ranking is needed); another engine's best
    SEARCH_LIMIT come back as ids (two queries more)."""
    terms = query_terms(text)
    if not terms:
        return articles.none()
    query = Query(terms=tuple(terms), audience=viewer.audience, kinds=(SEARCH_KIND,))
    backend = get_backend()
    subquery = backend.matching_object_ids_sql(query)
    if subquery is not None:
        return articles.filter(pk__in=RawSQL(*subquery))  # noqa: S611 - terms are parameters
    return articles.filter(pk__in=_found_ids(backend, query))


def _found_ids(backend: SearchBackend, query: Query) -> list[int]:
    hits = backend.ranked_ids(query, limit=SEARCH_LIMIT)
    ids = [document_id for document_id, _score in hits]
    object_ids = SearchDocument.objects.filter(pk__in=ids).values_list("object_id", flat=True)
    return [int(object_id) for object_id in object_ids]


def filter_choices() -> FilterChoices:
    """Fields of action, calls and years that articles use (a memo: valid
    while the tables it was read from are unchanged; also cleared when an
    article is published or unpublished)."""
    return memo.get_or_compute(CHOICES_CACHE_KEY, _filter_choices, CHOICES_CACHE_SECONDS)


def _filter_choices() -> FilterChoices:
    live = ArticlePage.objects.live()
    choices = FilterChoices(
        fields_of_action=list(
            FieldOfAction.objects.filter(knowledge_articles__in=live)
            .distinct()
            .order_by("position")
            .values_list("key", "label")
        ),
        calls=list(
            Call.objects.filter(knowledge_articles__in=live)
            .distinct()
            .order_by("-deadline", "title")
            .values_list("slug", "title")
        ),
        years=sorted({day.year for day in live.dates("date", "year")}, reverse=True),
    )
    return choices


def filter_choices_clear() -> None:
    memo.forget(CHOICES_CACHE_KEY)


def kind_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in ArticleKind.choices]


def index_intro() -> str:
    """The intro of the knowledge base's CMS page, if an editor made one
    ("" otherwise): a memo, read anew after any change to pages, so the list
    asks the page tree on the first visit after an edit only."""
    return memo.get_or_compute(INTRO_CACHE_KEY, _index_intro)


def _index_intro() -> str:
    index = KnowledgeIndexPage.objects.live().only("intro").first()
    return index.intro if index is not None else ""


def article_context(*, page: ArticlePage, request: HttpRequest) -> dict[str, Any]:
    """What an article page shows besides its own fields: authors, tags,
    the interpreted sections in their current wording, the review flag
    (cached together, see article_related.py), the attachments and related
    content the person may open."""
    viewer = viewer_of_request(request)
    related = article_related(page, cached=not getattr(request, "is_preview", False))
    return {
        "viewer": viewer,
        "organizations": related.organizations,
        "people": related.people,
        "guests": [name.strip() for name in page.guest_authors.split(",") if name.strip()],
        "fields": related.fields,
        "calls": related.calls,
        "sections": related.sections,
        "review_numbers": related.review_numbers,
        "attachments": related.attachments_for(viewer),
        "related": related_documents(urls=related.link_urls, viewer=viewer),
        "related_sections": [
            (heading, links)
            for _key, heading, provide in RELATED_SECTIONS
            if (links := provide(article=page, viewer=viewer))
        ],
    }


def related_documents(*, urls: list[str], viewer: Viewer) -> list[SearchDocument]:
    """The related questions, workshops and solutions at these addresses
    (through the search index, so only what the person may find), in the
    editor's order; one query."""
    if not urls:
        return []
    found = {
        document.url: document
        for document in SearchDocument.objects.filter(Q(url__in=urls) & viewer.audience.q()).only(
            "kind", "title", "url", "context"
        )
    }
    return [found[url] for url in urls if url in found]


def attachment_get_for_download(*, viewer: Viewer, slug: str, pk: int) -> ArticleAttachment:
    """The attachment `pk` of the live article `slug`; Http404 unless the
    person may download it."""
    attachment = get_object_or_404(
        ArticleAttachment.objects.select_related("document", "page"),
        pk=pk,
        page__slug=slug,
        page__live=True,
    )
    if not can_download_attachment(viewer, attachment):
        raise Http404
    return attachment


def document_scopes(document_id: int) -> list[str] | None:
    """The scopes under which a Wagtail document is attached to articles
    (its own and its article's, the narrower one counting), or None when no
    article uses it (then Wagtail serves it as before)."""
    rows = list(
        ArticleAttachment.objects.filter(document_id=document_id).values_list(
            "visibility", "page__visibility"
        )
    )
    from ikone.knowledge.models import TemplatePage

    rows += [
        (scope, scope)
        for scope in TemplatePage.objects.filter(template_file_id=document_id).values_list(
            "visibility", flat=True
        )
    ]
    if not rows:
        return None
    return [own if own != "public" else article for own, article in rows]


def may_download_document(viewer: Viewer, document_id: int) -> bool:
    """A document attached to articles may be downloaded under any of its
    attachments' scopes the person holds."""
    scopes = document_scopes(document_id)
    return scopes is None or any(can_view_scope(viewer, scope) for scope in scopes)
