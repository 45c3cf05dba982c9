"""Reads for the financing plan and the schedule of a draft.

They turn rows into the inputs of the pure rules (`financing`, `schedule`)
and return their results; the pages, the export, the readiness check and
the API all read through here. Each function costs a fixed number of
queries, independent of the number of items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet

from ikone.accounts.models import Membership
from ikone.accounts.permissions import is_signed_in
from ikone.applications import financing, schedule
from ikone.applications.models import CostItem, Draft, FinancingPlan, Milestone
from ikone.calls.models import Call, CallMilestone, CallPhase
from ikone.core.datetimes import berlin_date
from ikone.core.prepared import PreparedQuery

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


def call_rates(call: Call) -> financing.Rates | None:
    """The call's federal rates, or None when the call states none."""
    if call.federal_share is None:
        return None
    return financing.Rates(
        federal=call.federal_share,
        federal_budget_emergency=call.federal_share_budget_emergency,
    )


def call_limits(call: Call) -> financing.Limits:
    return financing.Limits(federal_cap=call.max_grant, federal_min=call.min_grant)


def call_phases(call: Call) -> list[CallPhase]:
    return _PHASES.all(call_id=call.pk)


def phase_key(phase_id: int | None) -> str:
    return "" if phase_id is None else str(phase_id)


def financing_plan_get(*, draft: Draft) -> FinancingPlan:
    """The plan's settings; an unsaved default (version 1) when none exists."""
    plan = _PLAN.first(draft_id=draft.pk)
    return plan or FinancingPlan(draft=draft)


def cost_item_list(*, draft: Draft) -> list[CostItem]:
    return _COST_ITEMS.all(draft_id=draft.pk)


@dataclass(frozen=True)
class FinancingView:
    """What the financing page, the export and the API show."""

    plan: FinancingPlan
    items: list[CostItem]
    phases: list[CallPhase]
    rates: financing.Rates | None
    summary: financing.Summary

    @property
    def rate_missing(self) -> bool:
        return self.rates is None


def financing_overview(*, draft: Draft) -> FinancingView:
    """The plan with its totals, shares and the findings of the checks
    against the call (rates, phase caps, maximum and minimum grant).
    Three queries: plan, items with phases, the call's phases."""
    plan = financing_plan_get(draft=draft)
    items = list(cost_item_list(draft=draft))
    phases = call_phases(draft.call)
    rates = call_rates(draft.call)
    summary = financing.summarize(
        [
            financing.CostLine(
                category=item.category,
                phase=phase_key(item.phase_id),
                year=item.year,
                amount=item.amount,
                measure=item.measure,
            )
            for item in items
        ],
        rates=rates or financing.Rates(federal=financing.ZERO),
        budget_emergency=plan.budget_emergency,
        phases=[
            financing.Phase(key=str(phase.pk), label=phase.name, cap=phase.max_eligible_costs)
            for phase in phases
        ],
        limits=call_limits(draft.call) if rates else financing.Limits(),
    )
    return FinancingView(plan=plan, items=items, phases=phases, rates=rates, summary=summary)


def milestone_list(*, draft: Draft) -> list[Milestone]:
    return _MILESTONES.all(draft_id=draft.pk)


# The plan and the schedule are read on their pages, the overview and the
# API on every visit: compiled once per process (core.prepared).
_PHASES = PreparedQuery(
    lambda call_id: CallPhase.objects.filter(call_id=call_id).order_by("position", "pk"),
    call_id=int,
)
_PLAN = PreparedQuery(
    lambda draft_id: FinancingPlan.objects.filter(draft_id=draft_id), draft_id=int
)
_COST_ITEMS = PreparedQuery(
    lambda draft_id: (
        CostItem.objects.filter(draft_id=draft_id)
        .select_related("phase")
        .order_by("phase__position", "phase_id", "year", "category", "measure", "pk")
    ),
    draft_id=int,
)
_MILESTONES = PreparedQuery(
    lambda draft_id: Milestone.objects.filter(draft_id=draft_id).order_by("date", "title", "pk"),
    draft_id=int,
)


def deadline_date(call: Call) -> date | None:
    """The call's deadline as a Berlin calendar day."""
    if call.deadline is None:
        return None
    return berlin_date(call.deadline)


@dataclass(frozen=True)
class ScheduleView:
    milestones: list[Milestone]
    findings: list[schedule.Finding]
    deadline: date | None
    today: date
    call_dates: list[CallMilestone] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[Milestone, schedule.Finding]]:
        by_pk = {milestone.pk: milestone for milestone in self.milestones}
        return [(by_pk[int(finding.point.key)], finding) for finding in self.findings]

    @property
    def late(self) -> list[schedule.Finding]:
        return schedule.late(self.findings)

    @property
    def days_left(self) -> int | None:
        return None if self.deadline is None else (self.deadline - self.today).days


def schedule_overview(
    *, draft: Draft, today: date | None = None, with_call_dates: bool = False
) -> ScheduleView:
    """Milestones with their findings against the call's deadline (one
    query), and the call's own dates if asked for (one more)."""
    milestones = list(milestone_list(draft=draft))
    deadline = deadline_date(draft.call)
    today = today or berlin_date()
    findings = schedule.assess_all(
        [schedule.Point(m.pk, m.title, m.date, m.done) for m in milestones],
        deadline=deadline,
        today=today,
    )
    call_dates = (
        list(CallMilestone.objects.filter(call_id=draft.call_id).order_by("date", "position"))
        if with_call_dates
        else []
    )
    return ScheduleView(
        milestones=milestones,
        findings=findings,
        deadline=deadline,
        today=today,
        call_dates=call_dates,
    )


def draft_list_of_own_organizations(*, user: AnyUser) -> QuerySet[Draft]:
    """Drafts of the organisations the person belongs to (staff or
    Ansprechperson) — not drafts shared with them as mentor or coordinator.
    With organisation and call loaded; newest first."""
    if not is_signed_in(user):
        return Draft.objects.none()
    own = Membership.objects.filter(user_id=user.pk, organization_id=OuterRef("organization_id"))
    return (
        Draft.objects.filter(Exists(own))
        .select_related("organization", "call")
        .order_by("-updated_at", "-pk")
    )


def own_organization_draft(*, user: AnyUser, pk: int) -> Draft | None:
    """One draft of the person's organisations (as
    `draft_list_of_own_organizations`), or None; compiled once per process
    (the API's detail answers it on every request)."""
    if not is_signed_in(user):
        return None
    return _OWN_DRAFT.first(pk=pk, user_id=user.pk)


_OWN_DRAFT = PreparedQuery(
    lambda pk, user_id: Draft.objects.filter(
        Exists(
            Membership.objects.filter(user_id=user_id, organization_id=OuterRef("organization_id"))
        ),
        pk=pk,
    ).select_related("organization", "call"),
    pk=int,
    user_id=int,
)
