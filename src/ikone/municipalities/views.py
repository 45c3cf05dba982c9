"""The public municipality directory: /kommunen/ and /kommunen/<ags>/."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails

from ikone.core.datetimes import berlin_date
from ikone.core.pagecache import memo
from ikone.municipalities.forms import DirectoryFilterForm
from ikone.municipalities.list_results import PAGE_SIZE, directory_results
from ikone.municipalities.models import Municipality
from ikone.municipalities.selectors import (
    directory_choices,
    municipality_get,
    municipality_subdivisions,
)
from ikone.municipalities.signals import contributed_sections

LIST_TEMPLATE = "municipalities/municipality_list.html"
CONTENT_TEMPLATE = "municipalities/includes/list_content.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
CONTENT_MEMO_PREFIX = "municipalities:list-content:v2"
UNIT_TEMPLATE = "municipalities/includes/unit_content.html"
DETAIL_MEMO_PREFIX = "municipalities:detail-content:v1"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_safe
def municipality_list_view(request: HtmxHttpRequest) -> HttpResponse:
    """The directory with search, filters and pages; htmx requests get only
    the results fragment, plus out of band the count for the live region
    and, when the Land changed, the Kreis choices."""
    if request.htmx and not request.htmx.history_restore_request:
        template = f"{CONTENT_TEMPLATE}#results"
        response = render(request, template, _list_context(request, htmx=True))
    elif request.htmx:
        content = render_to_string(CONTENT_TEMPLATE, _list_context(request, htmx=False), request)
        response = render(request, LIST_TEMPLATE, {"content": content})
    else:
        response = render(request, LIST_TEMPLATE, {"content": _content_html(request)})
    patch_vary_headers(response, ["HX-Request"])
    return response


def _list_context(request: HtmxHttpRequest, *, htmx: bool) -> dict[str, Any]:
    """What the directory's content template reads, `htmx` for the results
    fragment an htmx request gets."""
    land = request.GET.get("land", "")
    form = DirectoryFilterForm(request.GET, choices=directory_choices(land=land))
    results = directory_results(filters=form.to_filter(), page=request.GET.get("page") or "")
    # Count and rows come from a memo; the paginator only numbers the pages
    # for the navigation (a range: nothing reads its rows).
    paginator = Paginator(range(results.count), PAGE_SIZE)
    return {
        "form": form,
        "page_obj": paginator.page(results.number),
        "paginator": paginator,
        "rows": results.rows,
        "refresh_districts": htmx and _land_changed(request, land),
    }


def _content_html(request: HtmxHttpRequest) -> SafeString:
    """The content of a whole page (no htmx) as a memo (ADR 0006): it depends
    only on the query string (filters, page, and the order of its parameters
    in the pages' links), language, script prefix and the Berlin day
    (memberships end on a day), never on the person. Filters, choices and
    count cost more than the rest of the page; computed anew when a table
    they were read from changes (directory, organisations, memberships)."""
    return memo.content(
        request,
        CONTENT_TEMPLATE,
        lambda _token: _list_context(request, htmx=False),
        CONTENT_MEMO_PREFIX,
        (request.META.get("QUERY_STRING", ""), berlin_date().toordinal()),
        part=None,
    )


def _land_changed(request: HtmxHttpRequest, land: str) -> bool:
    """Whether an htmx request shows another Land than the page it came
    from, so that the Kreis choices must follow (swapped out of band)."""
    query = urlsplit(request.htmx.current_url or "").query
    return parse_qs(query).get("land", [""])[0] != land


@require_safe
def municipality_detail_view(request: HttpRequest, ags: str) -> HttpResponse:
    """One unit of any level with its figures, parents, subdivisions and
    network status; below them the sections other apps add for the viewer."""
    unit = _unit_page(ags)
    context = {
        "municipality": unit.municipality,
        "unit_content": unit.content,
        "sections": contributed_sections(municipality=unit.municipality, user=request.user),
    }
    return render(request, "municipalities/municipality_detail.html", context)


@dataclass(frozen=True)
class UnitPage:
    municipality: Municipality
    content: SafeString


def _unit_page(ags: str) -> UnitPage:
    """The unit and what its page shows of it (`includes/unit_content.html`)
    as a memo (ADR 0006): the same for everyone, computed anew when a table
    it was read from changes (directory, organisations, networks,
    memberships) or on a new Berlin day (a membership ends with a day).
    Http404 for an unknown key (not kept)."""
    key = memo.key(DETAIL_MEMO_PREFIX, ags, berlin_date().toordinal())
    return memo.get_or_compute(key, lambda: _compute_unit_page(ags))


def _compute_unit_page(ags: str) -> UnitPage:
    try:
        municipality = municipality_get(ags=ags)
    except Municipality.DoesNotExist:
        raise Http404 from None
    context = {
        "municipality": municipality,
        "subdivisions": municipality_subdivisions(municipality=municipality),
    }
    return UnitPage(municipality, render_to_string(UNIT_TEMPLATE, context))
