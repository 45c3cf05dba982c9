"""The overview's charts and map as server-side SVG with their tables,
and each chart's numbers as CSV and XLSX (exactly the table's numbers)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ikone.core import figures
from ikone.core.datetimes import filename_date
from ikone.core.figures import ChartData, Period
from ikone.events.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, Table, to_csv, to_xlsx
from ikone.network import svg
from ikone.network.forms import OverviewFilterForm
from ikone.network.permissions import can_view_network_overview
from ikone.network.selectors.charts import (
    MapRow,
    chart_list,
    map_points,
    state_background,
)
from ikone.network.selectors.overview import Engagements, Scope, scope_organization_ids


@dataclass(frozen=True)
class ShownChart:
    key: str
    label: str
    element_id: str
    svg: SafeString
    data: ChartData


def shown_charts(scope: Scope, period: Period, engagements: Engagements) -> list[ShownChart]:
    """Every registered chart, drawn for the period and the Land or Kreis
    (the organisations the engagement tables show)."""
    organization_ids = (
        None
        if scope.is_everything
        else [line.place.organization_id for line in engagements.organizations if line.place]
    )
    shown = []
    for drawn in chart_list(period=period, organization_ids=organization_ids):
        element_id = f"diagramm-{slugify(drawn.chart.key)}"
        label = str(drawn.chart.label)
        shown.append(
            ShownChart(
                key=drawn.chart.key,
                label=label,
                element_id=element_id,
                svg=svg.bar_chart(drawn.data, title=label, element_id=element_id),
                data=drawn.data,
            )
        )
    return shown


@dataclass(frozen=True)
class ShownMap:
    svg: SafeString
    rows: list[MapRow]


def shown_map(engagements: Engagements, scope: Scope, state_name: str) -> ShownMap:
    points, rows = map_points(engagements.organizations)
    engaged = sum(1 for row in rows if row.level)
    title = _("Karte: Organisationen in %(area)s nach Aktivität") % {
        "area": state_name or _("allen Ländern")
    }
    description = _(
        "%(engaged)d von %(count)d Organisationen mit Aktivität im Zeitraum; "
        "die Tabelle unter der Karte nennt alle."
    ) % {"engaged": engaged, "count": len(rows)}
    drawing = svg.point_map(
        points,
        state_background(scope.state),
        title=title,
        description=description,
        element_id="karte",
    )
    return ShownMap(svg=drawing, rows=rows)


def chart_table(data: ChartData, label: str) -> Table:
    """The chart's table: the row label column, then one column per series."""
    return Table(
        title="".join(c for c in label if c not in "[]:*?/\\")[:31],
        headers=[data.row_label, *data.series],
        rows=[[row_label, *values] for row_label, values in data.rows],
    )


@require_safe
@login_required
def chart_download(request: HttpRequest, chart_key: str, extension: str) -> HttpResponse:
    """/netzwerk/diagramme/<key>.csv|.xlsx: the chart's numbers for the
    period of the query string, exactly as its table shows them."""
    if not can_view_network_overview(request.user):
        raise PermissionDenied
    chart = figures.CHARTS.get(chart_key)
    if chart is None or extension not in {"csv", "xlsx"}:
        raise Http404
    form = OverviewFilterForm(request.GET or None)
    organization_ids = scope_organization_ids(form.scope())
    table = chart_table(chart.data_for(form.period(), organization_ids), str(chart.label))
    if extension == "csv":
        response = HttpResponse(to_csv(table), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(to_xlsx(table), content_type=XLSX_CONTENT_TYPE)
    filename = f"ikone-{slugify(chart_key)}-{filename_date()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
