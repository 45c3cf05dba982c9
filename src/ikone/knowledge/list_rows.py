"""The cards of /wissen/ as one string (issue 15): 20 articles with an
include, badges, a date and two loops each cost the template engine more
than the rest of the page; built here, each label is translated once per
page and each day formatted once. The output is what
`knowledge/includes/article_card.html` rendered per article before, up to
whitespace (compared in tests/knowledge/test_list_rows.py); titles, summaries
and names are escaped, the labels escaped once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.accounts.visibility import Viewer, scopes_of
from ikone.core.datetimes import day_formatter
from ikone.core.pagecache import memo
from ikone.knowledge.models import ArticlePage
from ikone.knowledge.selectors_articles import ArticleFilters, article_list

PAGE_SIZE = 20
RESULTS_MEMO_PREFIX = "knowledge:list-results:v1"


@dataclass(frozen=True)
class ArticleResults:
    """One page of the list: how many articles the filters find, the
    number of the page shown and its cards."""

    count: int
    number: int
    rows: SafeString


def article_results(
    *, viewer: Viewer, filters: ArticleFilters, page: str, request: HttpRequest | None
) -> ArticleResults:
    """The page `page` (as the request names it) of the articles `viewer`
    may read under `filters`. A memo (ADR 0006) per scopes, filters, page,
    language and script prefix: what a person may read of the knowledge base depends on
    their scopes only, so everyone with the same scopes shares the count and
    cards, computed anew after a change to any table they were read from
    (articles, their organisations and fields of action, the search index)."""
    scopes = scopes_of(viewer)
    key = memo.key(RESULTS_MEMO_PREFIX, None if scopes is None else sorted(scopes), filters, page)

    def compute() -> ArticleResults:
        paginator = Paginator(article_list(viewer=viewer, filters=filters), PAGE_SIZE)
        shown = paginator.get_page(page)
        return ArticleResults(paginator.count, shown.number, article_rows(shown, request))

    return memo.get_or_compute(key, compute)


def _badge(label: str, kind: str = "") -> str:
    modifier = f" kern-badge--{kind}" if kind else ""
    return (
        f'<span class="kern-badge{modifier}">'
        f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
    )


def article_rows(articles: Iterable[ArticlePage], request: HttpRequest | None) -> SafeString:
    """The list items of one page of articles (`fields_of_action` and
    `author_organizations` prefetched, `review` joined)."""
    kinds = {
        value: _badge(str(label), "info")
        for value, label in ArticlePage._meta.get_field("kind").flatchoices
    }
    network = _badge(_("nur Netzwerk"))
    to_review = _badge(_("Auslegung prüfen"), "warning")
    example = _badge(_("Beispielinhalt"))
    by = escape(_("Von"))
    fields_label = escape(_("Handlungsfelder"))
    days: dict[date, tuple[str, str]] = {}
    machine_day, long_day = day_formatter("Y-m-d"), day_formatter("j. F Y")
    items = []
    for article in articles:
        badges = [kinds.get(article.kind) or _badge(str(article.kind), "info")]
        if article.visibility == "network":
            badges.append(network)
        review = getattr(article, "review", None)
        if review and review.needs_review:
            badges.append(to_review)
        if article.is_example:
            badges.append(example)
        day = days.get(article.date)
        if day is None:
            day = days[article.date] = (
                escape(machine_day(article.date)),
                escape(long_day(article.date)),
            )
        organizations = [escape(item.name) for item in article.author_organizations.all()]
        fields = [escape(item.label) for item in article.fields_of_action.all()]
        credits = f"{by}: {', '.join(organizations)}" if organizations else ""
        if fields:
            credits += f"{' · ' if organizations else ''}{fields_label}: {', '.join(fields)}"
        items.append(
            '<li><article class="kern-card"><div class="kern-card__container">'
            '<header class="kern-card__header"><h2 class="kern-title">'
            f'<a class="kern-link" href="{escape(article.get_url(request=request))}">'
            f"{escape(article.title)}</a></h2>"
            f'<p class="kern-body kern-body--small">{" ".join(badges)} '
            f'<time datetime="{day[0]}">{day[1]}</time></p></header>'
            '<div class="kern-card__body">'
            f'<p class="kern-body">{escape(article.summary)}</p>'
            f'<p class="kern-body kern-body--small">{credits}</p>'
            "</div></div></article></li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - titles, summaries, names and labels escaped
