"""The public municipality directory: /kommunen/ and /kommunen/<ags>/."""

from urllib.parse import parse_qs, urlsplit

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails

from ikone.municipalities.forms import DirectoryFilterForm
from ikone.municipalities.models import Municipality
from ikone.municipalities.selectors import (
    directory_choices,
    municipality_get,
    municipality_subdivisions,
    municipality_table_list,
)
from ikone.municipalities.signals import contributed_sections

PAGE_SIZE = 50
LIST_TEMPLATE = "municipalities/municipality_list.html"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_safe
def municipality_list_view(request: HtmxHttpRequest) -> HttpResponse:
    """The directory with search, filters and pages; htmx requests get only
    the results fragment, plus out of band the count for the live region
    and, when the Land changed, the Kreis choices."""
    land = request.GET.get("land", "")
    form = DirectoryFilterForm(request.GET, choices=directory_choices(land=land))
    paginator = Paginator(municipality_table_list(filters=form.to_filter()), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    wants_fragment = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "form": form,
        "page_obj": page,
        "paginator": paginator,
        "refresh_districts": wants_fragment and _land_changed(request, land),
    }
    template = f"{LIST_TEMPLATE}#results" if wants_fragment else LIST_TEMPLATE
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _land_changed(request: HtmxHttpRequest, land: str) -> bool:
    """Whether an htmx request shows another Land than the page it came
    from, so that the Kreis choices must follow (swapped out of band)."""
    query = urlsplit(request.htmx.current_url or "").query
    return parse_qs(query).get("land", [""])[0] != land


@require_safe
def municipality_detail_view(request: HttpRequest, ags: str) -> HttpResponse:
    """One unit of any level with its figures, parents, subdivisions and
    network status."""
    try:
        municipality = municipality_get(ags=ags)
    except Municipality.DoesNotExist:
        raise Http404 from None
    context = {
        "municipality": municipality,
        "subdivisions": municipality_subdivisions(municipality=municipality),
        "sections": contributed_sections(municipality=municipality, user=request.user),
    }
    return render(request, "municipalities/municipality_detail.html", context)
