"""The solution catalogue's figures for the network overview
(`core.figures`): solutions adopted per organisation (issue 14) and the
public number of solutions shared. Registered in `SolutionsConfig.ready()`.

Coordinators see every adoption, also those an organisation shows only to
itself and the coordination (AdoptionVisibility), so the list behind the
figure names the solution and links to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy

from ikone.core.datetimes import berlin_date
from ikone.core.figures import (
    Engagement,
    Period,
    Record,
    Total,
    count_per_organization,
    of_organizations,
)
from ikone.solutions.models import Adoption, Solution
from ikone.solutions.models.choices import AdoptionStatus, ReviewState


def _adopted(period: Period) -> QuerySet[Adoption]:
    """Adoptions recorded in the period that were not given up."""
    return (
        Adoption.objects.filter(period.q("created_at"))
        .exclude(status=AdoptionStatus.ABANDONED)
        .order_by()
    )


def adopted_per_organization(period: Period) -> dict[int, int]:
    """Solutions each organisation adopted in the period (one query)."""
    return count_per_organization(_adopted(period))


def adopted_records(period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
    """The adoptions, newest first, with their state."""
    rows = _adopted(period).filter(of_organizations(organization_ids))
    labels = dict(AdoptionStatus.choices)
    return [
        Record(
            title=title,
            organization_id=organization_id,
            when=berlin_date(created_at),
            detail=str(labels.get(status, status)),
            url=reverse("solutions:detail", kwargs={"slug": slug}),
        )
        for title, slug, organization_id, created_at, status in rows.order_by(
            "-created_at", "-pk"
        ).values_list(
            "solution__title", "solution__slug", "organization_id", "created_at", "status"
        )
    ]


def solutions_shared(period: Period) -> int:
    """Solution profiles published in the catalogue (in the period)."""
    return Solution.objects.filter(
        period.q("published_at"), review_state=ReviewState.PUBLISHED
    ).count()


_HERE = "ikone.solutions.figures"
FIGURES = (
    Engagement(
        "solutions.adopted",
        gettext_lazy("Lösungen übernommen"),
        f"{_HERE}.adopted_per_organization",
        f"{_HERE}.adopted_records",
        position=35,
        description=gettext_lazy(
            "Übernahmen von Lösungen, die im Zeitraum eingetragen und nicht aufgegeben wurden."
        ),
    ),
    Total(
        "solutions.shared",
        gettext_lazy("Lösungen geteilt"),
        f"{_HERE}.solutions_shared",
        position=50,
        public=True,
        url_name="solutions:list",
        description=gettext_lazy("Veröffentlichte Steckbriefe im Lösungskatalog."),
    ),
)
