"""/netzwerk/zahlen/: the network in figures, public and aggregated (no
personal data): the totals apps register as public, since the network
began."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.network.selectors.overview import public_total_values


@require_safe
def public_figures(request: HttpRequest) -> HttpResponse:
    totals = public_total_values()
    return render(request, "network/public_figures.html", {"totals": totals})
