"""The questions app's figures for the network overview (`core.figures`):
questions asked per organisation, open questions, the median time to a
first answer, questions answered, and how long answers took. Registered in
`QaConfig.ready()`. Coordinators see every question (docs/visibility.md),
so the list behind a figure names the questions and links to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ikone.core.datetimes import berlin_date
from ikone.core.figures import (
    Chart,
    ChartData,
    Engagement,
    Period,
    Record,
    Total,
    count_per_organization,
    of_organizations,
)
from ikone.qa.models import Question, QuestionStatus
from ikone.qa.stats import median_wait

DAY = 24 * 3600


def _asked(period: Period) -> QuerySet[Question]:
    return Question.objects.filter(period.q("created_at")).order_by()


def asked_per_organization(period: Period) -> dict[int, int]:
    """Questions asked by each organisation in the period (one query)."""
    return count_per_organization(_asked(period))


def asked_records(period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
    """The questions, newest first, with their status."""
    rows = _asked(period).filter(of_organizations(organization_ids), organization__isnull=False)
    labels = dict(QuestionStatus.choices)
    return [
        Record(
            title=title,
            organization_id=organization_id,
            when=berlin_date(created_at),
            detail=str(labels.get(status, status)),
            url=reverse("qa:detail", kwargs={"pk": pk}),
        )
        for pk, title, organization_id, created_at, status in rows.order_by(
            "-created_at", "-pk"
        ).values_list("pk", "title", "organization_id", "created_at", "status")
    ]


def open_questions(period: Period) -> int:
    """Questions of the period still without an answer."""
    return _asked(period).filter(status=QuestionStatus.OPEN).count()


def median_first_answer(period: Period) -> timedelta | None:
    """The median wait for a first answer over the period's questions."""
    asked = _asked(period)
    answered = asked.filter(first_answer_seconds__isnull=False).count()
    return median_wait(asked, answered)


def questions_answered(period: Period) -> int:
    """Questions that got their first answer in the period."""
    return Question.objects.filter(
        period.q("first_answer_at"), first_answer_at__isnull=False
    ).count()


def answer_times(period: Period, organization_ids: Sequence[int] | None = None) -> ChartData:
    """The period's questions by how long their first answer took (one
    query), of these organisations when given."""
    wait = "first_answer_seconds"
    counts = (
        _asked(period)
        .filter(of_organizations(organization_ids))
        .aggregate(
            day=Count("pk", filter=Q(**{f"{wait}__lte": DAY})),
            three=Count("pk", filter=Q(**{f"{wait}__gt": DAY, f"{wait}__lte": 3 * DAY})),
            week=Count("pk", filter=Q(**{f"{wait}__gt": 3 * DAY, f"{wait}__lte": 7 * DAY})),
            longer=Count("pk", filter=Q(**{f"{wait}__gt": 7 * DAY})),
            open=Count("pk", filter=Q(**{f"{wait}__isnull": True})),
        )
    )
    return ChartData(
        row_label=_("erste Antwort nach"),
        series=[_("Fragen")],
        rows=[
            (_("bis 1 Tag"), [counts["day"]]),
            (_("1 bis 3 Tage"), [counts["three"]]),
            (_("3 bis 7 Tage"), [counts["week"]]),
            (_("mehr als 7 Tage"), [counts["longer"]]),
            (_("noch keine Antwort"), [counts["open"]]),
        ],
    )


_HERE = "ikone.qa.figures"
FIGURES = (
    Engagement(
        "qa.asked",
        gettext_lazy("Fragen gestellt"),
        f"{_HERE}.asked_per_organization",
        f"{_HERE}.asked_records",
        position=20,
    ),
    Total(
        "qa.open",
        gettext_lazy("offene Fragen"),
        f"{_HERE}.open_questions",
        position=40,
        url_name="qa:figures",
        description=gettext_lazy("Fragen des Zeitraums, die noch keine Antwort haben."),
    ),
    Total(
        "qa.median_first_answer",
        gettext_lazy("Zeit bis zur ersten Antwort (Median)"),
        f"{_HERE}.median_first_answer",
        position=41,
        url_name="qa:figures",
    ),
    Total(
        "qa.answered",
        gettext_lazy("Fragen beantwortet"),
        f"{_HERE}.questions_answered",
        position=42,
        public=True,
        url_name="qa:list",
    ),
    Chart(
        "qa.answer_times",
        gettext_lazy("Zeit bis zur ersten Antwort"),
        f"{_HERE}.answer_times",
        position=20,
    ),
)
