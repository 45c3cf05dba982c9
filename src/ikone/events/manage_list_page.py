"""The content of /veranstaltungen/verwaltung/ as a memo (issue 15): the
events one helps run with their registration counts.

Every visit counted the events, read a page of them, counted each one's
registrations and wrote 50 rows, most of the page. What the list shows
depends on who asks only through `selectors.event_list_for_manage` (a
coordinator or operator sees every event, anyone else the events they
edit or, as a mentor, those open to mentors) and `can_create_event`: the
memo (ADR 0006) is keyed by exactly that (for a coordinator "all", else the
person and the mentor flag), the page as the request names it, language and
script prefix, and is computed anew when events, their editors or
registrations change. Whether the person may see the page at all is
checked per request before.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.safestring import SafeString

from ikone.accounts.permissions import is_network_coordinator
from ikone.core.pagecache import memo
from ikone.events import permissions
from ikone.events import selectors_manage as selectors
from ikone.events.manage_rows import event_list_rows

TEMPLATE = "events/manage/event_list.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
MEMO_PREFIX = "events:manage-list:v2"
PAGE_SIZE = 50


def manage_list_html(request: HttpRequest, *, page: str | None) -> SafeString:
    """The page's content below the layout for `request.user`, page `page`."""
    user = request.user
    if is_network_coordinator(user):
        viewer: tuple[object, ...] = ("all",)
    else:
        viewer = (user.pk, bool(getattr(user, "is_mentor", False)))
    can_create = permissions.can_create_event(user)

    def context(_token: str | None) -> dict[str, object]:
        shown = Paginator(selectors.event_list_for_manage(user=user), PAGE_SIZE).get_page(page)
        events = selectors.with_registration_counts(list(shown.object_list))
        return {
            "page": shown,
            "events": events,
            "rows_html": event_list_rows(events),
            "can_create": can_create,
        }

    return memo.content(request, TEMPLATE, context, MEMO_PREFIX, (viewer, can_create, page))
