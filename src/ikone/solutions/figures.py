"""The solution catalogue's figures for the network overview
(`core.figures`): solutions adopted per organisation (issue 14) and the
public number of solutions shared. Registered in `SolutionsConfig.ready()`.

Coordinators see every adoption, also those an organisation shows only to
itself and the coordination (AdoptionVisibility), so the list behind the
figure names the solution and links to it.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from ikone.core.figures import (
    Engagement,
    Items,
    Period,
    Total,
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


# Solutions each organisation adopted in the period (one query) and the
# list behind it: the adoptions, newest first, with their state.
ADOPTED = Items(
    _adopted,
    title="solution__title",
    url_name="solutions:detail",
    url_field="solution__slug",
    url_kwarg="slug",
    detail_labels=dict(AdoptionStatus.choices),
)
adopted_per_organization = ADOPTED.per_organization
adopted_records = ADOPTED.records


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
