"""One page of the requester's list (/unterstuetzung/) as a memo (issue 15):
the count, the page number and the rows of one person's requests.

Every visit counted the person's requests, read a page of them with their
organisations and wrote 25 rows, the larger part of the page. A person's
requests are private: the memo (ADR 0006) is keyed by the person and by
each flag of theirs that widens what `selectors.request_list_for` shows
(mentor: requests on drafts shared with them; coordination or operator:
drafts shared with the network), the page as the request names it,
language and script prefix. It is computed anew when a table it was read
from changes: requests, memberships, organisations, people, drafts or
mentor shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

from ikone.core.pagecache import memo
from ikone.support import selectors
from ikone.support.list_rows import request_rows

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

PAGE_SIZE = 25
RESULTS_MEMO_PREFIX = "support:request-list:v1"


@dataclass(frozen=True)
class RequestResults:
    """How many requests the person sees, the number of the page shown (an
    invalid or too large `page` shows the last page, as `get_page` does)
    and the rows of its table."""

    count: int
    number: int
    rows: SafeString


def request_results(*, user: AnyUser, page: str) -> RequestResults:
    """The page `page` (as the request names it) of the person's requests."""
    viewer = (
        user.pk,
        bool(getattr(user, "is_mentor", False)),
        bool(getattr(user, "is_coordinator", False)),
        bool(user.is_superuser),
    )
    key = memo.key(RESULTS_MEMO_PREFIX, viewer, page)

    def compute() -> RequestResults:
        paginator = Paginator(selectors.request_list_for(user=user), PAGE_SIZE)
        shown = paginator.get_page(page)
        return RequestResults(paginator.count, shown.number, request_rows(shown.object_list))

    return memo.get_or_compute(key, compute)
