"""Readiness items of the schedule: no milestone after the deadline."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.applications import selectors_plan
from ikone.applications.readiness import ReadinessContext, ReadinessItem, register


@register("schedule", order=50)
def schedule_check(context: ReadinessContext) -> Iterator[ReadinessItem]:
    """A schedule exists (hint) and no open milestone lies after the deadline."""
    overview = selectors_plan.schedule_overview(draft=context.draft, today=context.today)
    url = reverse("applications:schedule", kwargs={"pk": context.draft.pk})
    group = _("Zeitplan")
    yield ReadinessItem(
        key="schedule.milestones",
        label=_("Meilensteine geplant"),
        met=bool(overview.milestones),
        mandatory=False,
        detail="" if overview.milestones else _("z. B. Ratsbeschluss, Partnerschreiben."),
        url=url,
        group=group,
    )
    late = overview.late
    yield ReadinessItem(
        key="schedule.before_deadline",
        label=_("Meilenstein nach der Frist") if late else _("Meilensteine vor der Frist"),
        met=not late,
        weight=2,
        detail="; ".join(f"{f.point.title}: {f.message}" for f in late),
        url=url,
        group=group,
    )
