"""Readiness items of the financing plan: costs planned, plan consistent."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.applications import selectors_plan
from ikone.applications.readiness import ReadinessContext, ReadinessItem, register


@register("financing", order=40)
def financing_check(context: ReadinessContext) -> Iterator[ReadinessItem]:
    """Costs entered, and no blocking finding against the call's limits."""
    summary = selectors_plan.financing_overview(draft=context.draft).summary
    url = reverse("applications:financing", kwargs={"pk": context.draft.pk})
    group = _("Finanzierung")
    yield ReadinessItem(
        key="financing.costs",
        label=_("Kosten im Finanzierungsplan"),
        met=bool(summary.lines),
        detail="" if summary.lines else _("Noch keine Kostenpositionen."),
        url=url,
        group=group,
    )
    if not summary.lines:
        return
    blocking = [issue.message for issue in summary.issues if issue.blocking]
    yield ReadinessItem(
        key="financing.consistent",
        label=_("Finanzierung stimmig") if not blocking else _("Finanzierung unstimmig"),
        met=not blocking,
        weight=2,
        detail=" ".join(blocking),
        url=url,
        group=group,
    )
