"""Financing plans and schedules for the benchmark's drafts (a step of
bench/generate.py's VOLUME_STEPS, after the drafts exist).

Every draft gets COST_ITEMS cost items over its call's phases and five
years and MILESTONES milestones, so the financing and schedule pages of
the benchmark Ansprechperson's draft ({draft} in bench/run.py) show a
realistic plan.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

COST_ITEMS = 12
MILESTONES = 4
BATCH = 5_000


def add_plans(rng: random.Random, context: Any) -> None:
    """COST_ITEMS cost items and MILESTONES milestones for every draft."""
    from ikone.applications.models import CostCategory, CostItem, Draft, Milestone, MilestoneKind
    from ikone.calls.models import CallPhase

    phases: dict[int, list[int]] = {}
    for call_id, phase_id in CallPhase.objects.order_by("position").values_list("call_id", "pk"):
        phases.setdefault(call_id, []).append(phase_id)
    categories = list(CostCategory)
    kinds = list(MilestoneKind)
    items: list[CostItem] = []
    milestones: list[Milestone] = []
    drafts = list(Draft.objects.values_list("pk", "call_id"))
    for draft_id, call_id in drafts:
        call_phases = phases.get(call_id) or [None]
        for _ in range(COST_ITEMS):
            items.append(
                CostItem(
                    draft_id=draft_id,
                    category=rng.choice(categories),
                    measure=f"Maßnahme {rng.randrange(1, 9)}",
                    phase_id=rng.choice(call_phases),
                    year=rng.randrange(2026, 2031),
                    amount=Decimal(rng.randrange(1_000_00, 500_000_00)) / 100,
                )
            )
        for number in range(MILESTONES):
            milestones.append(
                Milestone(
                    draft_id=draft_id,
                    title=f"Meilenstein {number + 1}",
                    kind=rng.choice(kinds),
                    date=date(2026, 12, 1) + timedelta(days=rng.randrange(90)),
                    done=rng.random() < 0.3,
                )
            )
    CostItem.objects.bulk_create(items, batch_size=BATCH)
    Milestone.objects.bulk_create(milestones, batch_size=BATCH)
    context.counts["cost items"] = len(items)
    context.counts["milestones"] = len(milestones)
