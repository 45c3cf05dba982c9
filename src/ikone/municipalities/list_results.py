"""One page of the directory's results as a memo (issue 15): the count and
the rows of `/kommunen/` for one set of filters, page and language.

A search reads the whole directory twice (`LIKE '%berg%'` over 12,370
names, once to count and once for the page) and writes 50 rows; the same
for everyone, signed in or not. The memo (ADR 0006) keeps count, page
number and rows until a table they were read from changes: the directory,
organisations or network memberships (the "Mitglied" badge and the
`mitglied` filter), or the Berlin day (a membership ends on a day).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

from ikone.core.datetimes import berlin_date
from ikone.core.pagecache import memo
from ikone.municipalities.selectors import DirectoryFilter, municipality_table_list
from ikone.municipalities.unit_rows import unit_rows

PAGE_SIZE = 50
RESULTS_MEMO_PREFIX = "municipalities:list-results:v1"


@dataclass(frozen=True)
class DirectoryResults:
    """How many units the filters find, the number of the page shown (an
    invalid or too large `page` shows the last page, as `get_page` does)
    and the rows of its table (`unit_rows` with Kreis and Land)."""

    count: int
    number: int
    rows: SafeString


def directory_results(*, filters: DirectoryFilter, page: str) -> DirectoryResults:
    """The page `page` (as the request names it) of the units matching
    `filters`. Rows hold translated labels, localized numbers and addresses,
    hence language and script prefix in the key; memberships are current
    on a Berlin day, hence the day."""
    key = memo.key(RESULTS_MEMO_PREFIX, filters, page, berlin_date().toordinal())

    def compute() -> DirectoryResults:
        paginator = Paginator(municipality_table_list(filters=filters), PAGE_SIZE)
        shown = paginator.get_page(page)
        return DirectoryResults(
            paginator.count, shown.number, unit_rows(shown.object_list, show_region=True)
        )

    return memo.get_or_compute(key, compute)
