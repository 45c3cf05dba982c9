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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ikone.core.figures import (
    Chart,
    ChartData,
    Engagement,
    Items,
    Period,
    Total,
    of_organizations,
)
from ikone.qa.models import Question, QuestionStatus
from ikone.qa.stats import median_wait

DAY = 24 * 3600


def _asked(period: Period) -> QuerySet[Question]:
    return Question.objects.filter(period.q("created_at")).order_by()


# Questions asked by each organisation in the period (one query) and the
# list behind it: the questions, newest first, with their status.
ASKED = Items(
    _asked, title="title", url_name="qa:detail", detail_labels=dict(QuestionStatus.choices)
)
asked_per_organization = ASKED.per_organization
asked_records = ASKED.records


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
