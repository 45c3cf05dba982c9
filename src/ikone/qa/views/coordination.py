"""Coordinators' pages: flagged interpretations and figures."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.qa import permissions, selectors, stats
from ikone.qa.views._helpers import viewer

LIST_LIMIT = 200


@login_required
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    """/fragen/pruefen/: answers and FAQ entries flagged "Auslegung prüfen" —
    all of them for coordinators, one's own answers for everyone else."""
    who = viewer(request)
    can_moderate = permissions.can_moderate(who)
    context = {
        "answers": list(selectors.flagged_answers(viewer=who)[:LIST_LIMIT]),
        "entries": list(selectors.flagged_faq_entries()[:LIST_LIMIT]) if can_moderate else [],
        "can_moderate": can_moderate,
    }
    return render(request, "qa/review_list.html", context)


@login_required
@require_safe
def figures(request: HttpRequest) -> HttpResponse:
    """/fragen/auswertung/: open questions and the median time to a first answer."""
    if not permissions.can_moderate(viewer(request)):
        raise PermissionDenied
    overall, per_call = stats.question_figures()
    rows = [(row, stats.format_duration(row.median_first_answer)) for row in per_call]
    context = {
        "overall": overall,
        "overall_median": stats.format_duration(overall.median_first_answer),
        "rows": rows,
    }
    return render(request, "qa/figures.html", context)
