"""/loesungen/offene-daten/: what the catalogue offers as open data, under
which licence (coordinators choose it here), and the CSV and JSON files."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ikone.accounts.permissions import is_network_coordinator
from ikone.core.audit import Actor
from ikone.core.datetimes import filename_date
from ikone.solutions import open_data
from ikone.solutions.forms import ExportLicenceForm
from ikone.solutions.services.open_data import export_licence_set, export_settings


@require_http_methods(["GET", "POST"])
def open_data_page(request: HttpRequest) -> HttpResponse:
    """The page explains the files; coordinators change the licence (POST)."""
    current = export_settings()
    can_choose = is_network_coordinator(request.user)
    form = ExportLicenceForm(
        request.POST if request.method == "POST" else None, initial={"licence": current.licence}
    )
    status = 200
    if request.method == "POST":
        if not can_choose:
            return HttpResponse(status=403)
        if form.is_valid():
            export_licence_set(
                licence=form.cleaned_data["licence"], actor=Actor.from_request(request)
            )
            messages.success(request, _("Die Lizenz der offenen Daten ist gespeichert."))
            return redirect("solutions:open_data")
        status = 400
    context = {
        "settings": current,
        "form": form if can_choose else None,
        "columns": open_data.COLUMNS,
    }
    return render(request, "solutions/open_data.html", context, status=status)


def _licence_link(response: HttpResponse, url: str) -> HttpResponse:
    response["Link"] = f'<{url}>; rel="license"'
    return response


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    current = export_settings()
    response = HttpResponse(open_data.to_csv(open_data.rows()), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="ikone-loesungen-{filename_date()}.csv"'
    )
    return _licence_link(response, current.licence_url)


@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    current = export_settings()
    body = open_data.to_json(
        open_data.rows(), licence=current.licence, licence_url=current.licence_url
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return _licence_link(response, current.licence_url)
