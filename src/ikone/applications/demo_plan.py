"""Financing plans and schedules of the two demo drafts (`demo.py`).

`seed_demo_plans()` is idempotent: a draft that already has cost items or
milestones is left alone. The items are in `demo/drafts.yaml` (see
docs/demo.md): invented example content marked "Beispiel", except the Linz
totals (5.0 million euro eligible costs at 65 % give the reported 3.25
million federal funding). The Mainz draft keeps one finding to fix (phase
A's costs exceed its cap) and one milestone close to the deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from ikone.applications import selectors_plan
from ikone.applications.demo import (
    DRAFTS_FILE,
    LINZ_TITLE,
    MAINZ_TITLE,
    DemoCost,
    DemoMilestone,
    demo_drafts,
)
from ikone.applications.models import CostItem, Draft, Milestone
from ikone.calls.models import CallPhase
from ikone.core.datetimes import berlin_date
from ikone.core.demo_data import DemoDataError

if TYPE_CHECKING:
    from ikone.applications.demo import Writer


def _phases(draft: Draft) -> dict[str, CallPhase]:
    phases = list(CallPhase.objects.filter(call_id=draft.call_id).order_by("position", "pk"))
    by_key = {phase.key: phase for phase in phases if phase.key}
    for key, phase in zip("AB", phases, strict=False):
        by_key.setdefault(key, phase)
    return by_key


def _add_costs(draft: Draft, costs: Sequence[DemoCost]) -> None:
    phases = _phases(draft)
    CostItem.objects.bulk_create(
        CostItem(
            draft=draft,
            category=cost.category,
            measure=cost.measure,
            phase=phases.get(cost.phase),
            year=cost.year,
            amount=cost.amount,
        )
        for cost in costs
    )


def _add_milestones(
    draft: Draft, milestones: Sequence[DemoMilestone], deadline: dt.date | None = None
) -> None:
    """Milestones with a date, or dated back from `deadline` (the example
    call's, which the calls demo sets six weeks ahead)."""

    def day(milestone: DemoMilestone) -> dt.date:
        if milestone.days_before_deadline is not None and deadline is not None:
            return deadline - dt.timedelta(days=milestone.days_before_deadline)
        if milestone.date is None:
            raise DemoDataError(DRAFTS_FILE, None, f"„{milestone.title}“ braucht ein Datum.")
        return milestone.date

    Milestone.objects.bulk_create(
        Milestone(
            draft=draft,
            title=milestone.title,
            kind=milestone.kind,
            date=day(milestone),
            done=milestone.done,
        )
        for milestone in milestones
    )


def _untouched(title: str) -> Draft | None:
    draft = Draft.objects.filter(title=title, is_example=True).select_related("call").first()
    if draft is None:
        return None
    if (
        CostItem.objects.filter(draft=draft).exists()
        or Milestone.objects.filter(draft=draft).exists()
    ):
        return None
    return draft


@transaction.atomic
def seed_demo_plans(*, stdout: Writer | None = None) -> None:
    """Add cost items and milestones to the demo drafts that have none."""
    mainz = _untouched(MAINZ_TITLE)
    if mainz is not None:
        demo = demo_drafts().mainz
        deadline = selectors_plan.deadline_date(mainz.call) or berlin_date()
        _add_costs(mainz, demo.costs)
        _add_milestones(mainz, demo.milestones, deadline)
        if stdout:
            stdout.write(f"Finanzierungsplan und Zeitplan angelegt: {MAINZ_TITLE}\n")
    linz = _untouched(LINZ_TITLE)
    if linz is not None:
        linz_demo = demo_drafts().linz
        _add_costs(linz, linz_demo.costs)
        _add_milestones(linz, linz_demo.milestones)
        if stdout:
            stdout.write(f"Finanzierungsplan und Zeitplan angelegt: {LINZ_TITLE}\n")
