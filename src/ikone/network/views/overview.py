"""/netzwerk/: the coordinators' overview, the organisations behind each
Kreis figure and the records behind each organisation's figure."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ikone.core import figures
from ikone.network.forms import OverviewFilterForm
from ikone.network.permissions import can_view_network_overview
from ikone.network.selectors.overview import (
    WITHOUT_DISTRICT,
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
    engagements = engagement_overview(period=period, scope=scope)
    for line in engagements.districts:
        line.url = _link("network:organizations", query, kreis=line.key or WITHOUT_DISTRICT)
    state_name = dict(form.fields["land"].choices).get(scope.state, "")  # type: ignore[attr-defined]
    context = {
        "form": form,
        "query": query,
        "query_string": urlencode({k: v for k, v in query.items() if v}),
        "engagements": engagements,
        "charts": shown_charts(form, engagements),
        "map": shown_map(engagements, scope, str(state_name) if scope.state else ""),
        "totals": total_values(period=period),
        "served_members_url": _link("network:organizations", query, mitglied="1", aktiv="1"),
        "served_others_url": _link("network:organizations", query, mitglied="0", aktiv="1"),
        "members_url": _link("network:organizations", query, mitglied="1"),
    }
    return render(request, "network/overview.html", context, status=400 if form.errors else 200)


@require_safe
@login_required
def organizations(request: HttpRequest) -> HttpResponse:
    """Engagement per organisation: the list behind each Kreis figure."""
    _require_coordinator(request)
    form = OverviewFilterForm(request.GET or None)
    period, scope, query = form.period(), form.scope(), form.query()
    engagements = engagement_overview(period=period, scope=scope)
    lines = engagements.organizations
    member = request.GET.get("mitglied")
    if member in {"0", "1"}:
        lines = [line for line in lines if line.members == int(member)]
    if request.GET.get("aktiv") == "1":
        lines = [line for line in lines if line.engaged]
    page = _page(request)
    shown = lines[(page - 1) * ORGANIZATIONS_PAGE : page * ORGANIZATIONS_PAGE]
    for line in shown:
        line.urls = [
            _figure_link(column.key, query, organisation=line.key)
            for column in engagements.columns
        ]
    context = {
        "form": form,
        "engagements": engagements,
        "lines": shown,
        "count": len(lines),
        "page": page,
        "has_next": len(lines) > page * ORGANIZATIONS_PAGE,
    }
    return render(request, "network/organization_list.html", context)


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


def _figure_link(key: str, query: dict[str, str], **extra: str) -> str:
    params = {name: value for name, value in {**query, **extra}.items() if value}
    return f"{reverse('network:figure', kwargs={'figure_key': key})}?{urlencode(params)}"


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("seite", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1
