"""One page of the catalogue's results, computed once and reused (issue 15).

Signed-in people get /loesungen/ rendered for them (the page cache serves
only visitors). Its results are the same for everyone: published profiles
only, filtered and counted, with their organisations, fields of action and
adoptions counted per card; four queries (the count, the page, two
prefetches) and the cards written on every request. So the page of results
is a memo (`core.pagecache.memo`, ADR 0006) per filter, requested page,
language and script prefix, computed anew when a table it was read from
changes (profiles, their organisations and fields of action, adoptions).
The filter form, the links and the person's own actions stay per request.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.safestring import SafeString, mark_safe

from ikone.core.pagecache import memo
from ikone.solutions import selectors
from ikone.solutions.card_rows import solution_cards
from ikone.solutions.selectors import CatalogueFilter

PAGE_SIZE = 20
# A longer `page` parameter is no page anyone links to: it is served
# without a memo, so junk values do not fill the cache.
LONGEST_PAGE_PARAMETER = 6


@dataclass(frozen=True)
class Entry:
    """What is kept of a listed profile besides its card."""

    title: str
    slug: str
    adopter_count: int


@dataclass(frozen=True)
class CataloguePage:
    """A page of results with what the template reads of Django's `Page`
    and `Paginator` (`count`, `num_pages`, `number`, the neighbours)."""

    count: int
    num_pages: int
    number: int
    entries: tuple[Entry, ...]
    cards_html: str

    @property
    def object_list(self) -> tuple[Entry, ...]:
        return self.entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def cards(self) -> SafeString:
        return mark_safe(self.cards_html)  # noqa: S308 - written by card_rows, escaped there

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def catalogue_page(filters: CatalogueFilter, page: str | None) -> CataloguePage:
    """The results for `filters` on the requested page (`Paginator.get_page`:
    not a number is the first page, beyond the end the last)."""
    if page is not None and len(page) > LONGEST_PAGE_PARAMETER:
        return _compute(filters, page)
    key = memo.key("solutions:catalogue-page", filters, page)
    return memo.get_or_compute(key, lambda: _compute(filters, page))


def _compute(filters: CatalogueFilter, page: str | None) -> CataloguePage:
    paginator = Paginator(selectors.solution_list_published(filters=filters), PAGE_SIZE)
    found = paginator.get_page(page)
    solutions = list(found.object_list)
    return CataloguePage(
        count=paginator.count,
        num_pages=paginator.num_pages,
        number=found.number,
        entries=tuple(
            Entry(title=s.title, slug=s.slug, adopter_count=s.adopter_count)  # type: ignore[attr-defined]
            for s in solutions
        ),
        cards_html=str(solution_cards(solutions)),
    )
