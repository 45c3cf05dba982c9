"""/unterstuetzung/warteschlange/ and /unterstuetzung/kennzahlen/: the
coordinators' queue with filters, and the response-time figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from ikone.core.paginator import CountedPaginator
from ikone.support import permissions, selectors
from ikone.support.forms import QueueFilterForm
from ikone.support.list_rows import queue_rows

PAGE_SIZE = 30
QUEUE_TEMPLATE = "support/queue.html"


@require_safe
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_queue(request.user):
        raise PermissionDenied
    form = QueueFilterForm(request.GET)
    filters = form.to_filters()
    paginator = CountedPaginator(
        selectors.queue_for(user=request.user, filters=filters),
        PAGE_SIZE,
        count=selectors.queue_count(user=request.user, filters=filters),
    )
    page_obj = paginator.get_page(request.GET.get("seite"))
    htmx = getattr(request, "htmx", None)
    wants_fragment = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = f"{QUEUE_TEMPLATE}#results" if wants_fragment else QUEUE_TEMPLATE
    response = render(
        request,
        template,
        {
            "form": form,
            "page_obj": page_obj,
            "paginator": paginator,
            "rows_html": queue_rows(page_obj.object_list),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
@login_required
def figures(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_queue(request.user):
        raise PermissionDenied
    return render(
        request, "support/figures.html", {"figures": selectors.response_figures(user=request.user)}
    )
