"""Financing plans and schedules of the two demo drafts (`demo.py`).

`seed_demo_plans()` is idempotent: a draft that already has cost items or
milestones is left alone. All items are invented example content marked
"Beispiel", except the Linz totals: 5.0 million euro eligible costs at 65 %
give the reported 3.25 million federal funding and 1.75 million own share
(`data/SOURCE.md`). The Mainz draft keeps one finding to fix (phase A's
costs exceed its cap) and one milestone close to the deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ikone.applications import selectors_plan
from ikone.applications.demo import LINZ_TITLE, MAINZ_TITLE
from ikone.applications.models import CostCategory, CostItem, Draft, Milestone, MilestoneKind
from ikone.calls.models import CallPhase

if TYPE_CHECKING:
    from ikone.applications.demo import Writer

C = CostCategory
K = MilestoneKind

# (category, measure, phase key, year, amount)
MAINZ_COSTS = [
    (C.PERSONNEL, "Projektkoordination Smart City (Beispiel)", "A", 2027, "420000.00"),
    (C.PERSONNEL, "Projektkoordination Smart City (Beispiel)", "A", 2028, "420000.00"),
    (C.SERVICES, "Strategieentwicklung und Beteiligung (Beispiel)", "A", 2027, "680000.00"),
    (C.MATERIAL, "Beteiligungsplattform und Quartiersabende (Beispiel)", "A", 2027, "160000.00"),
    # Phase A ends 60,000 euro above its cap: the draft's finding to fix.
    (C.INVESTMENT, "Erste Maßnahme: Sensorik Quartiersplätze (Beispiel)", "A", 2028, "880000.00"),
    (C.INVESTMENT, "Quartiers-App und Datenplattform (Beispiel)", "B", 2029, "1800000.00"),
    (C.PERSONNEL, "Betrieb und Community-Management (Beispiel)", "B", 2029, "600000.00"),
    (C.PERSONNEL, "Betrieb und Community-Management (Beispiel)", "B", 2030, "600000.00"),
]
LINZ_COSTS = [
    (C.PERSONNEL, "Strategiebüro (Beispiel)", "A", 2022, "180000.00"),
    (C.SERVICES, "Strategie und Bürgerbeteiligung (Beispiel)", "A", 2022, "320000.00"),
    (C.PERSONNEL, "Umsetzungsteam Stadt und Verbandsgemeinde (Beispiel)", "B", 2023, "250000.00"),
    (C.PERSONNEL, "Umsetzungsteam Stadt und Verbandsgemeinde (Beispiel)", "B", 2024, "500000.00"),
    (C.PERSONNEL, "Umsetzungsteam Stadt und Verbandsgemeinde (Beispiel)", "B", 2025, "500000.00"),
    (C.PERSONNEL, "Umsetzungsteam Stadt und Verbandsgemeinde (Beispiel)", "B", 2026, "500000.00"),
    (C.PERSONNEL, "Umsetzungsteam Stadt und Verbandsgemeinde (Beispiel)", "B", 2027, "250000.00"),
    (
        C.INVESTMENT,
        "Digitale Daseinsvorsorge im Mittelrheintal (Beispiel)",
        "B",
        2024,
        "1500000.00",
    ),
    (C.MATERIAL, "Offene Datenplattform und Sensorik (Beispiel)", "B", 2025, "1000000.00"),
]
LINZ_MILESTONES = [
    (
        "Schreiben der Verbandsgemeinde als Partnerin (Beispiel)",
        K.PARTNER_LETTER,
        date(2021, 3, 1),
    ),
    ("Ratsbeschluss zur Bewerbung (Beispiel)", K.COUNCIL_RESOLUTION, date(2021, 3, 4)),
    ("Interne Frist: Endfassung (Beispiel)", K.INTERNAL_DEADLINE, date(2021, 3, 8)),
]


def _mainz_milestones(deadline: date) -> list[tuple[str, str, date, bool]]:
    """Dated back from the example call's deadline (which the calls demo
    sets six weeks ahead); the partner letter arrives only four days before
    it, a warning on the schedule page."""
    return [
        (
            "Auftaktworkshop mit den Quartiersbeiräten (Beispiel)",
            K.PARTICIPATION,
            deadline - timedelta(days=49),
            True,
        ),
        (
            "Ratsbeschluss zur Bewerbung (Beispiel)",
            K.COUNCIL_RESOLUTION,
            deadline - timedelta(days=22),
            False,
        ),
        (
            "Interne Frist: Kostenplan mit der Kämmerei (Beispiel)",
            K.INTERNAL_DEADLINE,
            deadline - timedelta(days=14),
            False,
        ),
        (
            "Partnerschreiben der Wohnungsbaugesellschaft (Beispiel)",
            K.PARTNER_LETTER,
            deadline - timedelta(days=4),
            False,
        ),
    ]


def _phases(draft: Draft) -> dict[str, CallPhase]:
    phases = list(CallPhase.objects.filter(call_id=draft.call_id).order_by("position", "pk"))
    by_key = {phase.key: phase for phase in phases if phase.key}
    for key, phase in zip("AB", phases, strict=False):
        by_key.setdefault(key, phase)
    return by_key


def _add_costs(draft: Draft, rows: Sequence[tuple[str, str, str, int, str]]) -> None:
    phases = _phases(draft)
    CostItem.objects.bulk_create(
        CostItem(
            draft=draft,
            category=category,
            measure=measure,
            phase=phases.get(phase_key),
            year=year,
            amount=Decimal(amount),
        )
        for category, measure, phase_key, year, amount in rows
    )


def _add_milestones(draft: Draft, rows: Sequence[tuple[str, str, date, bool]]) -> None:
    Milestone.objects.bulk_create(
        Milestone(draft=draft, title=title, kind=kind, date=day, done=done)
        for title, kind, day, done in rows
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
        deadline = selectors_plan.deadline_date(mainz.call) or timezone.localdate()
        _add_costs(mainz, MAINZ_COSTS)
        _add_milestones(mainz, _mainz_milestones(deadline))
        if stdout:
            stdout.write(f"Finanzierungsplan und Zeitplan angelegt: {MAINZ_TITLE}\n")
    linz = _untouched(LINZ_TITLE)
    if linz is not None:
        _add_costs(linz, LINZ_COSTS)
        _add_milestones(linz, [(title, kind, day, True) for title, kind, day in LINZ_MILESTONES])
        if stdout:
            stdout.write(f"Finanzierungsplan und Zeitplan angelegt: {LINZ_TITLE}\n")
