"""Figures the apps count for the coordinators' overview (`/netzwerk/`)
and the public "Netzwerk in Zahlen", registered by the app that owns the
data in its `AppConfig.ready()`; core never names an app, and the network
app reads only this registry, so it depends on no app's code.

Three shapes, each counted in the database with a fixed number of queries
(one or two per figure, however much data there is):

- `Engagement`: a count per organisation in a period (workshops attended,
  questions asked, drafts started, …). `count(period)` returns
  `{organization id: n}`; `records(period, organization_ids)` returns the
  list behind the figure (`Record`s, at most `RECORD_LIMIT`) with only what
  coordinators may see: an app whose data is unshared (drafts) returns
  counts per call and status, never content.
- `Total`: one number for the whole network in a period (`int`, or a
  `timedelta` for waiting times, None when unknown). `public` totals appear
  on "Netzwerk in Zahlen" and in the API; they must carry no personal data.
  `url_name` names the list behind it.
- `Chart`: a table of numbers (`ChartData`: row labels × series) that the
  network app draws as SVG with its data table and CSV/XLSX downloads.
  `data(period, organization_ids)` counts only what those organisations
  did (the overview's Land or Kreis filter); None counts everything,
  including what belongs to no organisation.

Dotted paths are resolved only when a figure is counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Aggregate, Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from ikone.core.datetimes import berlin_date, berlin_datetime
from ikone.core.registry import Registry

RECORD_LIMIT = 500
Measure = int | dt.timedelta | None


@dataclass(frozen=True)
class Period:
    """Whole days in Europe/Berlin, both included; None: open-ended."""

    since: dt.date | None = None
    until: dt.date | None = None

    def _start(self, day: dt.date) -> dt.datetime:
        return berlin_datetime(day)

    def q(self, field_name: str) -> Q:
        """The filter for a datetime field inside the period."""
        condition = Q()
        if self.since:
            condition &= Q(**{f"{field_name}__gte": self._start(self.since)})
        if self.until:
            end = self._start(self.until + dt.timedelta(days=1))
            condition &= Q(**{f"{field_name}__lt": end})
        return condition

    def date_q(self, field_name: str) -> Q:
        """The filter for a date field inside the period."""
        condition = Q()
        if self.since:
            condition &= Q(**{f"{field_name}__gte": self.since})
        if self.until:
            condition &= Q(**{f"{field_name}__lte": self.until})
        return condition


def count_per_organization(rows: QuerySet[Any], count: Aggregate | None = None) -> dict[int, int]:
    """`{organization id: n}` over the rows that belong to an organisation,
    counted in one query (`count`: what to count, by default the rows)."""
    grouped = (
        rows.filter(organization__isnull=False)
        .order_by()
        .values("organization_id")
        .annotate(n=count or Count("pk"))
    )
    return {row["organization_id"]: row["n"] for row in grouped}


def of_organizations(
    organization_ids: Sequence[int] | None, field_name: str = "organization_id"
) -> Q:
    """The filter a chart applies for the overview's Land or Kreis: rows of
    these organisations, or every row when None."""
    if organization_ids is None:
        return Q()
    return Q(**{f"{field_name}__in": list(organization_ids)})


def item_records(
    rows: QuerySet[Any],
    organization_ids: Sequence[int] | None,
    *,
    title: str,
    url_name: str,
    url_field: str = "pk",
    url_kwarg: str = "pk",
    title_labels: Mapping[Any, Any] | None = None,
    detail: str = "status",
    detail_labels: Mapping[Any, Any] | None = None,
    date_field: str = "created_at",
) -> list[Record]:
    """The list behind an `Engagement` that counts items (questions,
    requests, adoptions): one `Record` per row of these organisations,
    newest first, in one query. `title` and `detail` name the fields shown
    (with their choice labels when given), `url_field` the value
    `url_name` is reversed with. Only the named fields are read, so an app
    decides what coordinators see (a request's topic, never its text)."""
    values = (
        rows.filter(of_organizations(organization_ids), organization__isnull=False)
        .order_by(f"-{date_field}", "-pk")
        .values_list(title, url_field, "organization_id", date_field, detail)
    )
    titles, details = title_labels or {}, detail_labels or {}
    return [
        Record(
            title=str(titles.get(shown, shown)) if titles else shown,
            organization_id=organization_id,
            when=berlin_date(when),
            detail=str(details.get(state, state)),
            url=reverse(url_name, kwargs={url_kwarg: link}),
        )
        for shown, link, organization_id, when, state in values
    ]


@dataclass(frozen=True)
class Items:
    """An app's countable items (questions asked, requests received,
    solutions adopted) as one `Engagement`: `rows(period)` selects them;
    `per_organization` counts them per organisation and `records` lists
    them (`item_records` with the fields named here). The app exposes both
    methods under module names for the Engagement's dotted paths."""

    rows: Callable[[Period], QuerySet[Any]]
    title: str
    url_name: str
    url_field: str = "pk"
    url_kwarg: str = "pk"
    title_labels: Mapping[Any, Any] | None = None
    detail_labels: Mapping[Any, Any] | None = None

    def per_organization(self, period: Period) -> dict[int, int]:
        return count_per_organization(self.rows(period))

    def records(self, period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
        return item_records(
            self.rows(period),
            organization_ids,
            title=self.title,
            url_name=self.url_name,
            url_field=self.url_field,
            url_kwarg=self.url_kwarg,
            title_labels=self.title_labels,
            detail_labels=self.detail_labels,
        )


def per_month(
    rows: QuerySet[Any],
    date_field: str,
    series: Sequence[tuple[str, Aggregate]],
    organization_ids: Sequence[int] | None,
    *,
    row_label: str,
) -> ChartData:
    """A chart of one row per month of `date_field` (months of the active
    time zone, Europe/Berlin) and one column per series (label, what to
    count), of these organisations when given; one query."""
    names = [f"series_{position}" for position in range(len(series))]
    grouped = (
        rows.filter(of_organizations(organization_ids))
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(
            **{name: aggregate for name, (_label, aggregate) in zip(names, series, strict=True)}
        )
        .order_by("month")
    )
    return ChartData(
        row_label=row_label,
        series=[label for label, _aggregate in series],
        rows=[
            (f"{row['month'].year:04d}-{row['month'].month:02d}", [row[name] for name in names])
            for row in grouped
        ],
    )


@dataclass(frozen=True)
class Record:
    """One line of the list behind a figure."""

    title: str
    organization_id: int | None = None
    when: dt.date | None = None
    detail: str = ""
    url: str = ""
    count: int = 1


@dataclass(frozen=True)
class ChartData:
    """Rows (e.g. months, calls) × series (e.g. statuses) of numbers."""

    row_label: str
    series: Sequence[str]
    rows: Sequence[tuple[str, Sequence[int]]]
    unit: str = ""


@dataclass(frozen=True)
class Engagement:
    key: str  # "<app>.<name>"
    label: str | Promise
    count: str
    records: str
    position: int = 50
    description: str | Promise = ""

    def count_for(self, period: Period) -> dict[int, int]:
        return import_string(self.count)(period)

    def records_for(self, period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
        return list(import_string(self.records)(period, organization_ids))[:RECORD_LIMIT]


@dataclass(frozen=True)
class Total:
    key: str
    label: str | Promise
    count: str
    position: int = 50
    public: bool = False
    url_name: str = ""
    description: str | Promise = ""

    def value_for(self, period: Period) -> Measure:
        return import_string(self.count)(period)


@dataclass(frozen=True)
class Chart:
    key: str
    label: str | Promise
    data: str
    position: int = 50
    description: str | Promise = ""

    def data_for(self, period: Period, organization_ids: Sequence[int] | None = None) -> ChartData:
        return import_string(self.data)(period, organization_ids)


ENGAGEMENT: Registry[Engagement] = Registry(
    "Engagement figures",
    key=lambda entry: entry.key,
    describe=lambda entry: f"{entry.position:>3} {entry.key}: {entry.label}",
    order=lambda entry: (entry.position, entry.key),
)
TOTALS: Registry[Total] = Registry(
    "Network totals",
    key=lambda entry: entry.key,
    describe=lambda entry: (
        f"{entry.position:>3} {entry.key}{' (public)' if entry.public else ''}: {entry.label}"
    ),
    order=lambda entry: (entry.position, entry.key),
)
CHARTS: Registry[Chart] = Registry(
    "Charts",
    key=lambda entry: entry.key,
    describe=lambda entry: f"{entry.position:>3} {entry.key}: {entry.label}",
    order=lambda entry: (entry.position, entry.key),
)


def register(*entries: Engagement | Total | Chart) -> None:
    for entry in entries:
        if isinstance(entry, Engagement):
            ENGAGEMENT.register(entry)
        elif isinstance(entry, Total):
            TOTALS.register(entry)
        else:
            CHARTS.register(entry)


def _ordered(entries: Any) -> list[Any]:
    return sorted(entries, key=lambda entry: (entry.position, entry.key))


def engagement() -> list[Engagement]:
    return _ordered(ENGAGEMENT)


def totals(*, public_only: bool = False) -> list[Total]:
    return [entry for entry in _ordered(TOTALS) if entry.public or not public_only]


def charts() -> list[Chart]:
    return _ordered(CHARTS)


PUBLIC_CACHE_KEY = "core.figures.public"
PUBLIC_CACHE_SECONDS = 3600


def public_values() -> dict[str, Measure]:
    """The public totals since the beginning, by key, for the start page,
    "Netzwerk in Zahlen" and the API: a memo, counted anew once a counted
    table changed, so the cached start page shows them exactly."""
    from ikone.core.pagecache import memo

    def count() -> dict[str, Measure]:
        return {total.key: total.value_for(Period()) for total in totals(public_only=True)}

    values = memo.get_or_compute(PUBLIC_CACHE_KEY, count, PUBLIC_CACHE_SECONDS)
    return cast(dict[str, Measure], values)
