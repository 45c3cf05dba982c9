"""`/suche/?q=`: the site-wide search page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.core import htmx
from ikone.core.ratelimit import ANY_METHOD, ratelimit
from ikone.core.search.audience import audience_for
from ikone.core.search.forms import QUERY_MAX_LENGTH, SearchForm
from ikone.core.search.selectors import site_search

TEMPLATE = "search/search.html"


def _page_number(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


@ratelimit(scope="core.search", rate="120/m,3000/d", key="user_or_ip", methods=ANY_METHOD)
@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    """Results the person may see, with facets by type and pages; htmx
    requests get only the results fragment."""
    form = SearchForm(request.GET)
    query = request.GET.get("q", "")[:QUERY_MAX_LENGTH].strip()
    page = site_search(
        audience=audience_for(request.user),
        query=query,
        kind=request.GET.get("art", ""),
        page=_page_number(request.GET.get("page")),
    )
    fragment = htmx.wants_fragment(request)
    template = f"{TEMPLATE}#results" if fragment else TEMPLATE
    return htmx.vary_on_htmx(render(request, template, {"form": form, "search": page}))
