"""/unterstuetzung/warteschlange/ and /unterstuetzung/kennzahlen/: the
coordinators' queue with filters, and the response-time figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from ikone.support import permissions, selectors
from ikone.support.forms import QueueFilterForm
from ikone.support.models import Priority, Topic
from ikone.support.workflow import Status

PAGE_SIZE = 30
QUEUE_TEMPLATE = "support/queue.html"
STATUS_LABELS = dict(Status.choices)
TOPIC_LABELS = dict(Topic.choices)
PRIORITY_LABELS = dict(Priority.choices)


@require_safe
@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_queue(request.user):
        raise PermissionDenied
    form = QueueFilterForm(request.GET)
    paginator = Paginator(
        selectors.queue_for(user=request.user, filters=form.to_filters()), PAGE_SIZE
    )
    page_obj = paginator.get_page(request.GET.get("seite"))
    # Labels from one lookup each: `get_…_display` rebuilds the field's
    # choices on every call, three times per line.
    for item in page_obj.object_list:
        item.status_label = STATUS_LABELS.get(item.status, item.status)  # type: ignore[attr-defined]
        item.topic_label = TOPIC_LABELS.get(item.topic, item.topic)  # type: ignore[attr-defined]
        item.priority_label = PRIORITY_LABELS.get(item.priority, item.priority)  # type: ignore[attr-defined]
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
