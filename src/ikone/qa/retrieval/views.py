"""Suggestions while typing on /fragen/neu/ and "Meine Frage ist beantwortet".

The question form sends its text by POST so that it stays out of addresses
and logs; GET with the same parameters gives the same answer (links,
benchmark). htmx requests get the fragment for #vorschlaege, everything else
a whole page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from ikone.core.ratelimit import ANY_METHOD, ratelimit
from ikone.core.search.audience import audience_for
from ikone.core.search.models import SearchDocument
from ikone.core.search.texts import ANSWERED_MESSAGE
from ikone.qa.retrieval import services
from ikone.qa.retrieval.suggestions import remembered

FRAGMENT = "search/suggestions.html"
PAGE = "search/suggestions_page.html"
MAX_TEXT = 5000


def _call_id(params: QueryDict) -> tuple[int | None, str]:
    from django.apps import apps

    slug = params.get("call", "")[:80]
    if not slug:
        return None, ""
    call = apps.get_model("calls", "Call")
    pk = call.objects.filter(slug=slug).values_list("pk", flat=True).first()
    return pk, slug


@require_http_methods(["GET", "POST"])
@ratelimit(scope="qa.suggestions", rate="120/m,2000/d", key="user_or_ip", methods=ANY_METHOD)
def suggestions_view(request: HttpRequest) -> HttpResponse:
    params = request.POST if request.method == "POST" else request.GET
    audience = audience_for(request.user)
    call_id, call_slug = _call_id(params)
    title = params.get("title", "")[:200]
    text = params.get("text", "")[:MAX_TEXT]
    result = remembered(audience=audience, title=title, text=text, call_id=call_id)
    context = {
        "suggestions": result,
        "answered_count": services.answered_count() if audience.is_coordinator else None,
        "title": title,
        "call_slug": call_slug,
    }
    template = FRAGMENT if getattr(request, "htmx", False) else PAGE
    return render(request, template, context)


@require_POST
@login_required
def answered_view(request: HttpRequest) -> HttpResponse:
    """Record the outcome and open the suggestion that helped."""
    raw = request.POST.get("dokument", "")
    document_id = int(raw) if raw.isdigit() else None
    services.record_answered(user=request.user, document_id=document_id)
    messages.success(request, ANSWERED_MESSAGE)
    if document_id is not None:
        audience = audience_for(request.user)
        url = (
            SearchDocument.objects.filter(audience.q(), pk=document_id)
            .values_list("url", flat=True)
            .first()
        )
        if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
            return redirect(url)
    return redirect("qa:list")
