"""The overview's charts and map: the registered charts' numbers for a
period (one query each) and the map's points (the organisations' places,
plus one query for the Land's other municipalities)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ikone.core import figures
from ikone.core.figures import Chart, ChartData, Period
from ikone.core.pagecache import memo
from ikone.municipalities.models import Level, Municipality
from ikone.network.selectors.overview import Line
from ikone.network.svg import Point, engagement_level


@dataclass(frozen=True)
class DrawnChart:
    chart: Chart
    data: ChartData


def chart_list(
    *, period: Period, organization_ids: Sequence[int] | None = None
) -> list[DrawnChart]:
    """Every registered chart with its numbers for the period, counting only
    these organisations when given (the overview's Land or Kreis); a memo,
    valid while the counted tables are unchanged."""
    charts = figures.charts()
    scope = "all" if organization_ids is None else _digest(sorted(organization_ids))
    data = memo.get_or_compute(
        f"network:charts:{period.since}:{period.until}:{scope}:{','.join(c.key for c in charts)}",
        lambda: {chart.key: chart.data_for(period, organization_ids) for chart in charts},
    )
    return [DrawnChart(chart, data[chart.key]) for chart in charts]


def _digest(ids: Sequence[int]) -> str:
    return hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:24]


LEVEL_LABELS = (
    _("keine Aktivität"),
    _("1–2 Aktivitäten"),
    _("3–5 Aktivitäten"),
    _("6 und mehr Aktivitäten"),
)


def level_label(level: int) -> str:
    return str(LEVEL_LABELS[level])


@dataclass(frozen=True)
class MapRow:
    line: Line
    level: int

    @property
    def level_label(self) -> str:
        return level_label(self.level)


def map_points(lines: list[Line]) -> tuple[list[Point], list[MapRow]]:
    """The organisations with coordinates as points coloured by engagement,
    and the same organisations as the map's table alternative."""
    points, rows = [], []
    for line in sorted(lines, key=lambda line: line.label):
        place = line.place
        if place is None or place.latitude is None or place.longitude is None:
            continue
        level = engagement_level(line.total)
        points.append(
            Point(place.latitude, place.longitude, f"{line.label}: {level_label(level)}", level)
        )
        rows.append(MapRow(line, level))
    return points, rows


def state_background(state: str) -> list[tuple[Decimal, Decimal]]:
    """The coordinates of every municipality of the Land (one query); none
    without a Land, so a map of all Germany stays light."""
    if not state:
        return []
    return memo.get_or_compute(f"network:state-background:{state}", lambda: _state_points(state))


def _state_points(state: str) -> list[tuple[Decimal, Decimal]]:
    return [
        (lat, lon)
        for lat, lon in Municipality.objects.filter(
            level=Level.MUNICIPALITY,
            ags__startswith=state,
            latitude__isnull=False,
            longitude__isnull=False,
        ).values_list("latitude", "longitude")
        if lat is not None and lon is not None
    ]
