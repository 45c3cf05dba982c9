"""/unterstuetzung/warteschlange/ and /unterstuetzung/kennzahlen/: the
coordinators' queue with filters, and the response-time figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.core import htmx
from ikone.core.pagecache import memo
from ikone.core.paginator import CountedPaginator
from ikone.support import permissions, selectors
from ikone.support.forms import QueueFilterForm
from ikone.support.list_rows import queue_rows

PAGE_SIZE = 30
QUEUE_TEMPLATE = "support/queue.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
QUEUE_MEMO_PREFIX = "support:queue:v2"


@require_safe
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """The queue below the layout (or, for htmx, its results) is a memo
    (ADR 0006, issue 15) keyed by the person and their roles (what they see
    depends on their memberships, mentor shares and roles; "zuständig: ich"
    on the person), the query string (filters, page) and the part shown.
    It is computed anew when a table it was read from changes: requests,
    organisations, people, drafts, memberships, mentor shares. The right
    to see the queue is checked first on every request."""
    user = request.user
    if not permissions.can_view_queue(user):
        raise PermissionDenied
    wants_fragment = htmx.wants_fragment(request)
    part = "results" if wants_fragment else "content"
    viewer = (
        user.pk,
        bool(user.is_superuser),
        bool(getattr(user, "is_coordinator", False)),
        bool(getattr(user, "is_mentor", False)),
    )

    def context(_token: str | None) -> dict[str, object]:
        form = QueueFilterForm(request.GET)
        filters = form.to_filters()
        paginator = CountedPaginator(
            selectors.queue_for(user=user, filters=filters),
            PAGE_SIZE,
            count=selectors.queue_count(user=user, filters=filters),
        )
        page_obj = paginator.get_page(request.GET.get("seite"))
        return {
            "form": form,
            "page_obj": page_obj,
            "paginator": paginator,
            "rows_html": queue_rows(page_obj.object_list),
        }

    parts = (viewer, sorted(request.GET.lists()), part)
    content = memo.content(request, QUEUE_TEMPLATE, context, QUEUE_MEMO_PREFIX, parts, part=part)
    return htmx.part_or_page(request, QUEUE_TEMPLATE, content, fragment=wants_fragment)


@require_safe
@login_required
def figures(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_queue(request.user):
        raise PermissionDenied
    return render(
        request, "support/figures.html", {"figures": selectors.response_figures(user=request.user)}
    )
