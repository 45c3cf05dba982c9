"""One page of /organisationen/ as a memo (issue 15): the count, the page
number, the rows and the primary network of one search, page and language.

Signed-in people get the list rendered anew on every visit (visitors get
it from the page cache): counting the organisations, reading the page with
its memberships and people counts, writing 50 rows and reading the
network cost most of the page. The list is the same for everyone, signed
in or not, so the memo (ADR 0006) is keyed by the search, the page as the
request names it, language, script prefix and the Berlin day (a
membership ends on a day, `NetworkMembership.is_current_member`); it is
computed anew when organisations, memberships, network memberships or
networks change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

from ikone.accounts import selectors
from ikone.accounts.models import Network
from ikone.accounts.organization_rows import organization_rows
from ikone.core.datetimes import berlin_date
from ikone.core.pagecache import memo

PAGE_SIZE = 50
RESULTS_MEMO_PREFIX = "accounts:organization-results:v1"


@dataclass(frozen=True)
class OrganizationResults:
    """How many organisations the search finds, the number of the page
    shown (an invalid or too large `page` shows the last page, as
    `get_page` does), the rows of its table and the primary network."""

    count: int
    number: int
    rows: SafeString
    network: Network | None


def organization_results(*, query: str, members_only: bool, page: str) -> OrganizationResults:
    """The page `page` (as the request names it) of the organisations
    matching `query` (and current members only)."""
    key = memo.key(RESULTS_MEMO_PREFIX, query, members_only, page, berlin_date().toordinal())

    def compute() -> OrganizationResults:
        organizations = selectors.organization_list(query=query, members_only=members_only)
        paginator = Paginator(organizations, PAGE_SIZE)
        shown = paginator.get_page(page)
        return OrganizationResults(
            paginator.count,
            shown.number,
            organization_rows(shown.object_list),
            selectors.network_get_primary(),
        )

    return memo.get_or_compute(key, compute)
