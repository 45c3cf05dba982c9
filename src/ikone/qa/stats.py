"""Figures for coordinators: open questions and the median time to a first answer.

The median is computed in the database: count the answered questions of a
group, order them by waiting time and read only the one or two rows in the
middle. That costs one query per call (there are few calls) and never loads
all questions into Python, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet

from ikone.calls.models import Call
from ikone.core.pagecache import memo
from ikone.qa.models import Question, QuestionStatus


@dataclass(frozen=True)
class CallFigures:
    call: Call | None  # None: all calls together
    questions: int
    open: int
    answered: int
    median_first_answer: timedelta | None


def median_wait(queryset: QuerySet[Question], answered: int) -> timedelta | None:
    """The median of the time to a first answer over the answered questions
    of `queryset`, given how many there are. Reads the one or two middle
    rows along the index on `first_answer_seconds`."""
    if answered == 0:
        return None
    low, high = (answered - 1) // 2, answered // 2
    waits = [
        wait
        for wait in queryset.filter(first_answer_seconds__isnull=False)
        .order_by("first_answer_seconds")
        .values_list("first_answer_seconds", flat=True)[low : high + 1]
        if wait is not None
    ]
    if not waits:
        return None
    return timedelta(seconds=sum(waits) / len(waits))


def _counts(queryset: QuerySet[Question]) -> dict[str, int]:
    return queryset.aggregate(
        questions=Count("pk"),
        open=Count("pk", filter=Q(status=QuestionStatus.OPEN)),
        answered=Count("pk", filter=Q(first_answer_seconds__isnull=False)),
    )


def question_figures() -> tuple[CallFigures, list[CallFigures]]:
    """Figures over all questions, and per call that has questions (by
    title). The same for every coordinator: computed once per change of the
    questions or calls (a memo, ADR 0006), not with 4 + 1 per call queries
    on every visit."""
    return memo.get_or_compute("qa:question-figures", _question_figures)


def _question_figures() -> tuple[CallFigures, list[CallFigures]]:
    overall_counts = _counts(Question.objects.all())
    overall = CallFigures(
        call=None,
        median_first_answer=median_wait(Question.objects.all(), overall_counts["answered"]),
        **overall_counts,
    )
    per_call_counts = (
        Question.objects.order_by()
        .values("call_id")
        .annotate(
            questions=Count("pk"),
            open=Count("pk", filter=Q(status=QuestionStatus.OPEN)),
            answered=Count("pk", filter=Q(first_answer_seconds__isnull=False)),
        )
    )
    by_call = {row["call_id"]: row for row in per_call_counts}
    # What the figures page shows of a call; keeps the memo small.
    calls = Call.objects.filter(pk__in=by_call).only("slug", "title").order_by("title")
    per_call = []
    for call in calls:
        row = by_call[call.pk]
        per_call.append(
            CallFigures(
                call=call,
                questions=row["questions"],
                open=row["open"],
                answered=row["answered"],
                median_first_answer=median_wait(
                    Question.objects.filter(call=call), row["answered"]
                ),
            )
        )
    return overall, per_call


def format_duration(value: timedelta | None) -> str:
    """ "2 Tage 3 Std." style text for the figures page (empty for None)."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if value is None:
        return ""
    hours = int(value.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    if days:
        return ngettext("%(days)d Tag", "%(days)d Tage", days) % {"days": days} + (
            " " + _("%(hours)d Std.") % {"hours": hours} if hours else ""
        )
    minutes = int(value.total_seconds() // 60) % 60
    if hours:
        return _("%(hours)d Std. %(minutes)d Min.") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d Min.") % {"minutes": minutes}
