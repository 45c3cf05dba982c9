"""The barrier report form (/barrierefreiheit/melden/)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ikone.core.audit import Actor
from ikone.core.ratelimit import ratelimit
from ikone.knowledge import selectors
from ikone.knowledge.feedback import FeedbackForm, feedback_submit, page_path


@require_http_methods(["GET", "POST"])
@ratelimit(scope="knowledge.accessibility_feedback", rate="5/10m,20/d")
def accessibility_feedback(request: HttpRequest) -> HttpResponse:
    """Anyone may report a barrier; the page address comes filled in from
    `?seite=` or the page the visitor came from."""
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            feedback_submit(
                actor=Actor.from_request(request),
                language=get_language() or "de",
                **form.cleaned_data,
            )
            messages.success(
                request,
                _(
                    "Vielen Dank! Ihre Meldung ist bei der Netzwerkkoordination eingegangen. "
                    "Wir antworten innerhalb eines Monats."
                ),
            )
            return redirect("accessibility_feedback")
    else:
        host = request.get_host()
        page = page_path(request.GET.get("seite", ""), host=host) or page_path(
            request.META.get("HTTP_REFERER", ""), host=host
        )
        form = FeedbackForm(initial={"page_url": page})
    context = {
        "form": form,
        "enforcement": selectors.accessibility_settings(request=request),
        "statement": selectors.accessibility_statement(),
    }
    return render(request, "knowledge/accessibility_feedback.html", context)
