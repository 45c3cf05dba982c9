"""The application workshop's figures for the network overview
(`core.figures`): drafts started and submitted per organisation, drafts
per call by status. Registered in `ApplicationsConfig.ready()`.

Drafts are an organisation's unpublished work (docs/visibility.md):
coordinators get counts only. The list behind a figure is therefore a
count per organisation, call and status, never a title, text or link.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ikone.applications.models import Draft, DraftStatus
from ikone.core.figures import (
    Chart,
    ChartData,
    Engagement,
    Period,
    Record,
    count_per_organization,
    of_organizations,
)

SUBMITTED = (DraftStatus.SUBMITTED, DraftStatus.FUNDED, DraftStatus.NOT_FUNDED)


def _started(period: Period) -> QuerySet[Draft]:
    return Draft.objects.filter(period.q("created_at")).order_by()


def _submitted(period: Period) -> QuerySet[Draft]:
    return Draft.objects.filter(
        period.date_q("submitted_on"), status__in=SUBMITTED, submitted_on__isnull=False
    ).order_by()


def started_per_organization(period: Period) -> dict[int, int]:
    return count_per_organization(_started(period))


def submitted_per_organization(period: Period) -> dict[int, int]:
    return count_per_organization(_submitted(period))


def _records(drafts: QuerySet[Draft], organization_ids: Sequence[int] | None) -> list[Record]:
    drafts = drafts.filter(of_organizations(organization_ids))
    labels = dict(DraftStatus.choices)
    rows = (
        drafts.values("organization_id", "call__title", "status")
        .annotate(n=Count("pk"))
        .order_by("organization_id", "call__title", "status")
    )
    return [
        Record(
            title=row["call__title"],
            organization_id=row["organization_id"],
            detail=str(labels.get(row["status"], row["status"])),
            count=row["n"],
        )
        for row in rows
    ]


def started_records(period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
    """Drafts started, counted per organisation, call and status."""
    return _records(_started(period), organization_ids)


def submitted_records(period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
    """Drafts submitted, counted per organisation, call and outcome."""
    return _records(_submitted(period), organization_ids)


def drafts_per_call(period: Period, organization_ids: Sequence[int] | None = None) -> ChartData:
    """Drafts started in the period per call, one column per status (one
    query), of these organisations when given."""
    statuses = list(DraftStatus)
    rows = (
        _started(period)
        .filter(of_organizations(organization_ids))
        .values("call__title")
        .annotate(**{status.value: Count("pk", filter=Q(status=status)) for status in statuses})
        .order_by("call__title")
    )
    return ChartData(
        row_label=_("Förderaufruf"),
        series=[str(status.label) for status in statuses],
        rows=[
            (str(row["call__title"]), [int(cast(Any, row)[status.value]) for status in statuses])
            for row in rows
        ],
    )


_HERE = "ikone.applications.figures"
FIGURES = (
    Engagement(
        "applications.started",
        gettext_lazy("Bewerbungsentwürfe begonnen"),
        f"{_HERE}.started_per_organization",
        f"{_HERE}.started_records",
        position=30,
    ),
    Engagement(
        "applications.submitted",
        gettext_lazy("Bewerbungen eingereicht"),
        f"{_HERE}.submitted_per_organization",
        f"{_HERE}.submitted_records",
        position=31,
    ),
    Chart(
        "applications.per_call",
        gettext_lazy("Bewerbungsentwürfe je Förderaufruf und Stand"),
        f"{_HERE}.drafts_per_call",
        position=30,
    ),
)
