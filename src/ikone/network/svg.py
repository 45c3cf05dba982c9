"""Charts and the map as SVG, drawn on the server: no script, no chart
library, no tile server, no request to any other host.

Each drawing is an `<svg role="img">` named by its `<title>` and
described by its `<desc>`; the page puts the same numbers in a table next
to it, so nobody depends on seeing the picture. Text is escaped with
`format_html`; only numbers computed here are interpolated unescaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from ikone.core.figures import ChartData

# KERN-like colours with at least 3:1 contrast against white (WCAG 1.4.11).
PALETTE = ("#0f5ab4", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0e7490")
WIDTH = 720
LABEL_WIDTH = 240
BAR = 14
GAP = 10


def _legend(series: Sequence[str]) -> SafeString:
    items = []
    x = 0
    for index, name in enumerate(series):
        items.append(
            format_html(
                '<rect x="{}" y="0" width="12" height="12" fill="{}"></rect>'
                '<text x="{}" y="11" class="ikone-svg__text">{}</text>',
                x,
                PALETTE[index % len(PALETTE)],
                x + 16,
                name,
            )
        )
        x += 24 + 8 * len(name)
    return mark_safe("".join(items))  # noqa: S308 - built from format_html parts


def bar_chart(data: ChartData, *, title: str, element_id: str) -> SafeString:
    """Horizontal grouped bars: one group per row, one bar per series."""
    largest = max((value for _label, values in data.rows for value in values), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 60) / largest
    group = BAR * len(data.series) + GAP
    top = 30
    parts = [
        format_html('<g transform="translate({}, 0)">{}</g>', LABEL_WIDTH, _legend(data.series))
    ]
    for row, (label, values) in enumerate(data.rows):
        y = top + row * group
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="ikone-svg__text">{}</text>',
                LABEL_WIDTH - 8,
                y + BAR * len(data.series) / 2 + 4,
                label[:38] + ("…" if len(label) > 38 else ""),
            )
        )
        for index, value in enumerate(values):
            length = round(value * scale, 1)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                    '<text x="{}" y="{}" class="ikone-svg__text">{}</text>',
                    LABEL_WIDTH,
                    y + index * BAR,
                    length,
                    BAR - 2,
                    PALETTE[index % len(PALETTE)],
                    LABEL_WIDTH + length + 4,
                    y + index * BAR + BAR - 4,
                    value,
                )
            )
    height = top + max(len(data.rows), 1) * group + 10
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="ikone-svg" role="img" '
        'viewBox="0 0 {} {}" aria-labelledby="{}-titel {}-text">'
        '<title id="{}-titel">{}</title><desc id="{}-text">{}</desc>{}</svg>',
        WIDTH,
        height,
        element_id,
        element_id,
        element_id,
        title,
        element_id,
        _describe(data),
        mark_safe("".join(parts)),  # noqa: S308 - built from format_html parts
    )


def _describe(data: ChartData) -> str:
    rows = "; ".join(
        f"{label}: "
        + ", ".join(f"{name} {value}" for name, value in zip(data.series, values, strict=True))
        for label, values in data.rows
    )
    return rows or "–"


@dataclass(frozen=True)
class Point:
    latitude: Decimal
    longitude: Decimal
    label: str
    level: int  # 0 = no engagement … 3 = much


LEVEL_COLOURS = ("#6b7280", "#0e7490", "#0f5ab4", "#b45309")
LEVEL_RADIUS = (2.0, 5.0, 6.5, 8.0)


def engagement_level(total: int) -> int:
    """0: none, 1: 1–2, 2: 3–5, 3: 6 or more figures in the period."""
    if total <= 0:
        return 0
    if total <= 2:
        return 1
    if total <= 5:
        return 2
    return 3


def point_map(
    points: Sequence[Point],
    background: Sequence[tuple[Decimal, Decimal]],
    *,
    title: str,
    description: str,
    element_id: str,
) -> SafeString:
    """Points on an equirectangular projection scaled by the cosine of the
    middle latitude (good enough at the size of a Land); `background` are
    the Land's other municipalities as small grey dots."""
    coordinates = [(p.latitude, p.longitude) for p in points] + list(background)
    if not coordinates:
        return format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="ikone-svg" role="img" '
            'viewBox="0 0 10 10" aria-labelledby="{}-titel"><title id="{}-titel">{}</title></svg>',
            element_id,
            element_id,
            title,
        )
    lats = [float(lat) for lat, _lon in coordinates]
    lons = [float(lon) for _lat, lon in coordinates]
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * squeeze, 0.01)
    span_y = max(max(lats) - min(lats), 0.01)
    width, margin = 600.0, 12.0
    height = width * span_y / span_x
    # The bounds once, not per point (a Land has ~2,300 points).
    west, north = min(lons), max(lats)
    x_scale, y_scale = squeeze / span_x * width, height / span_y

    def xy(lat: Decimal, lon: Decimal) -> tuple[float, float]:
        x = margin + (float(lon) - west) * x_scale
        y = margin + (north - float(lat)) * y_scale
        return round(x, 1), round(y, 1)

    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="1.2" fill="#d1d5db"></circle>',
        (xy(lat, lon) for lat, lon in background),
    )
    marks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#ffffff" stroke-width="1">'
        "<title>{}</title></circle>",
        (
            (*xy(p.latitude, p.longitude), LEVEL_RADIUS[p.level], LEVEL_COLOURS[p.level], p.label)
            for p in sorted(points, key=lambda p: p.level)
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="ikone-svg ikone-svg--map" role="img" '
        'viewBox="0 0 {} {}" aria-labelledby="{}-titel {}-text">'
        '<title id="{}-titel">{}</title><desc id="{}-text">{}</desc>{}{}</svg>',
        round(width + 2 * margin),
        round(height + 2 * margin),
        element_id,
        element_id,
        element_id,
        title,
        element_id,
        description,
        dots,
        marks,
    )
