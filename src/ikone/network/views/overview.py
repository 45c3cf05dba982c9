"""/netzwerk/: the coordinators' overview, the organisations behind each
Kreis figure and the records behind each organisation's figure."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from ikone.core import figures
from ikone.core.figures import Period
from ikone.core.pagecache import memo
from ikone.network.forms import OverviewFilterForm
from ikone.network.permissions import can_view_network_overview
from ikone.network.selectors.overview import (
    WITHOUT_DISTRICT,
    Scope,
    engagement_overview,
    total_values,
)
from ikone.network.selectors.places import organization_places
from ikone.network.views.charts import shown_charts, shown_map

ORGANIZATIONS_PAGE = 100


def _require_coordinator(request: HttpRequest) -> None:
    if not can_view_network_overview(request.user):
        raise PermissionDenied


def _link(name: str, query: dict[str, str], **extra: str) -> str:
    params = {key: value for key, value in {**query, **extra}.items() if value}
    return f"{reverse(name)}?{urlencode(params)}" if params else reverse(name)


@require_safe
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Members and non-members served, engagement per Kreis, the totals."""
    _require_coordinator(request)
    form = OverviewFilterForm(request.GET or None)
    period, scope, query = form.period(), form.scope(), form.query()
    state_name = dict(form.fields["land"].choices).get(scope.state, "")  # type: ignore[attr-defined]
    # The counted part is the same for every coordinator: rendered once per
    # language and filter (~2,300 map points, a table per chart) and reused
    # while no table it was read from changed. After a write one request
    # renders it anew while the others still get the previous figures
    # (stale-while-revalidate, ADR 0006), so a busy network never makes every
    # request count and draw at once.
    key = f"network:overview-html:{get_language()}:{urlencode(sorted(query.items()))}"
    figures_html = memo.get_or_compute(
        key,
        lambda: _figures_html(query, period, scope, str(state_name) if scope.state else ""),
        stale_while_revalidate=True,
    )
    context = {
        "filters_html": filters_html(form, reverse("network:overview")),
        "figures_html": mark_safe(figures_html),  # noqa: S308 - rendered by our template
    }
    return render(request, "network/overview.html", context, status=400 if form.errors else 200)


def filters_html(form: OverviewFilterForm, action: str) -> SafeString:
    """The filter form (network/filters.html): its ~60 options cost more to
    render than the rest of a page, so a valid form is rendered once per
    language, address and input and reused while the directory of Länder and
    Kreise is unchanged. A form with errors is rendered for its request."""
    context = {"form": form, "action": action}
    if form.errors:
        return render_to_string("network/filters.html", context)
    typed = urlencode([(name, str(form.data.get(name, ""))) for name in form.fields])
    return mark_safe(  # noqa: S308 - rendered by our template
        memo.get_or_compute(
            f"network:filters-html:{get_language()}:{action}:{typed}",
            lambda: str(render_to_string("network/filters.html", context)),
        )
    )


def _figures_html(query: dict[str, str], period: Period, scope: Scope, state_name: str) -> str:
    engagements = engagement_overview(period=period, scope=scope)
    for line in engagements.districts:
        line.url = _link("network:organizations", query, kreis=line.key or WITHOUT_DISTRICT)
    context = {
        "query_string": urlencode({k: v for k, v in query.items() if v}),
        "engagements": engagements,
        "charts": shown_charts(scope, period, engagements),
        "map": shown_map(engagements, scope, state_name),
        "totals": total_values(period=period),
        "served_members_url": _link("network:organizations", query, mitglied="1", aktiv="1"),
        "served_others_url": _link("network:organizations", query, mitglied="0", aktiv="1"),
        "members_url": _link("network:organizations", query, mitglied="1"),
    }
    return str(render_to_string("network/overview_figures.html", context))


@require_safe
@login_required
def organizations(request: HttpRequest) -> HttpResponse:
    """Engagement per organisation: the list behind each Kreis figure."""
    _require_coordinator(request)
    form = OverviewFilterForm(request.GET or None)
    # Like the overview's figures: one page of the list rendered once per
    # language and address (its ~600 links to the records behind each
    # number), reused while the counted tables are unchanged.
    address = urlencode(sorted(request.GET.lists()), doseq=True)
    list_html = memo.get_or_compute(
        f"network:organizations-html:{get_language()}:{address}",
        lambda: _organizations_html(request.GET.copy(), form),
        stale_while_revalidate=True,
    )
    context = {
        "filters_html": filters_html(form, reverse("network:organizations")),
        "list_html": mark_safe(list_html),  # noqa: S308 - rendered by our template
    }
    return render(request, "network/organization_list.html", context)


def _organizations_html(params: QueryDict, form: OverviewFilterForm) -> str:
    period, scope, query = form.period(), form.scope(), form.query()
    engagements = engagement_overview(period=period, scope=scope)
    lines = engagements.organizations
    member = params.get("mitglied")
    if member in {"0", "1"}:
        lines = [line for line in lines if line.members == int(member)]
    if params.get("aktiv") == "1":
        lines = [line for line in lines if line.engaged]
    page = _page(params)
    shown = lines[(page - 1) * ORGANIZATIONS_PAGE : page * ORGANIZATIONS_PAGE]
    # Each figure's address once, not per cell (reverse() is the cost here).
    figure_urls = [
        reverse("network:figure", kwargs={"figure_key": column.key})
        for column in engagements.columns
    ]
    filters = {name: value for name, value in query.items() if value}
    for line in shown:
        filter_query = urlencode({**filters, "organisation": line.key})
        line.urls = [f"{url}?{filter_query}" for url in figure_urls]

    def page_url(number: int) -> str:
        params["seite"] = str(number)
        return f"?{params.urlencode()}"

    context = {
        "engagements": engagements,
        "lines": shown,
        "count": len(lines),
        "page": page,
        "has_next": len(lines) > page * ORGANIZATIONS_PAGE,
        "previous_url": page_url(page - 1),
        "next_url": page_url(page + 1),
    }
    return str(render_to_string("network/organization_list_table.html", context))


@require_safe
@login_required
def figure(request: HttpRequest, figure_key: str) -> HttpResponse:
    """The records behind one engagement figure, for an organisation or all
    organisations of the filter's Land or Kreis."""
    _require_coordinator(request)
    entry = figures.ENGAGEMENT.get(figure_key)
    if entry is None:
        raise Http404
    form = OverviewFilterForm(request.GET or None)
    period, scope = form.period(), form.scope()
    places = [place for place in organization_places() if scope.covers(place)]
    slug = request.GET.get("organisation", "")
    if slug:
        places = [place for place in places if place.slug == slug]
        if not places:
            raise Http404
    names = {place.organization_id: place for place in places}
    records = entry.records_for(period, list(names))
    context = {
        "form": form,
        "entry": entry,
        "records": [(record, names.get(record.organization_id or 0)) for record in records],
        "organization": places[0] if slug else None,
        "limit": figures.RECORD_LIMIT,
    }
    return render(request, "network/figure_records.html", context)


def _page(params: QueryDict) -> int:
    raw = params.get("seite", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1
