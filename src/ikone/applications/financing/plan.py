"""The plan's summary (totals per phase and year) and its checks against the call's limits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from ikone.applications.financing.amounts import ZERO, format_eur
from ikone.applications.financing.rates import Rates, allocate, shares

# ---------------------------------------------------------------------------
# The plan


@dataclass(frozen=True)
class CostLine:
    """One cost item as the arithmetic needs it. `phase` is the key of one of
    the call's phases ("A", "B") or "" when the call has none."""

    category: str
    phase: str
    year: int
    amount: Decimal
    measure: str = ""


@dataclass(frozen=True)
class Phase:
    """A call phase with its cap on eligible costs (None: no cap) and the
    years in which its costs may fall (None: any)."""

    key: str
    label: str
    cap: Decimal | None = None
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class Limits:
    """What a call allows: a cap on all eligible costs, a maximum and a
    minimum federal grant, a funding period in years. None: no limit."""

    total_cap: Decimal | None = None
    federal_cap: Decimal | None = None
    federal_min: Decimal | None = None
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class PhaseRow:
    key: str
    label: str
    total: Decimal
    federal: Decimal
    own: Decimal
    by_year: dict[int, Decimal]


@dataclass(frozen=True)
class Summary:
    """Everything the tables show. `rate` is the rate that applies."""

    lines: tuple[CostLine, ...]
    rate: Decimal
    budget_emergency: bool
    years: tuple[int, ...]
    phases: tuple[PhaseRow, ...]
    by_year: dict[int, Decimal]
    by_category: dict[str, Decimal]
    total: Decimal
    federal: Decimal
    own: Decimal
    issues: tuple[Issue, ...] = field(default=())

    @property
    def is_consistent(self) -> bool:
        return not any(issue.blocking for issue in self.issues)


@dataclass(frozen=True)
class Issue:
    """A finding of the checks. `blocking` issues make the plan inconsistent
    (readiness: "Finanzierung unstimmig"); the others are hints."""

    code: str
    message: str
    blocking: bool = True


def summarize(
    lines: Iterable[CostLine],
    *,
    rates: Rates,
    budget_emergency: bool,
    phases: Sequence[Phase] = (),
    limits: Limits | None = None,
) -> Summary:
    """Totals per phase, per year and per category, the shares, and the
    findings of `check`. Phases keep the call's order; cost lines with a
    phase the call does not know appear in a row of their own."""
    lines = tuple(lines)
    rate = rates.applicable(budget_emergency=budget_emergency)
    total = sum((line.amount for line in lines), ZERO)
    overall = shares(total, rate)

    by_phase: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    by_year: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_category: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        by_phase[line.phase][line.year] += line.amount
        by_year[line.year] += line.amount
        by_category[line.category] += line.amount

    labels = {phase.key: phase.label for phase in phases}
    keys = [phase.key for phase in phases if phase.key in by_phase]
    keys += sorted(key for key in by_phase if key not in labels)
    phase_totals = [sum(by_phase[key].values(), ZERO) for key in keys]
    federal_parts = allocate(overall.federal, phase_totals)
    rows = tuple(
        PhaseRow(
            key=key,
            label=labels.get(key, key or _("ohne Phase")),
            total=phase_total,
            federal=federal_part,
            own=phase_total - federal_part,
            by_year=dict(sorted(by_phase[key].items())),
        )
        for key, phase_total, federal_part in zip(keys, phase_totals, federal_parts, strict=True)
    )
    summary = Summary(
        lines=lines,
        rate=rate,
        budget_emergency=budget_emergency,
        years=tuple(sorted(by_year)),
        phases=rows,
        by_year=dict(sorted(by_year.items())),
        by_category=dict(sorted(by_category.items())),
        total=total,
        federal=overall.federal,
        own=overall.own,
    )
    issues = check(summary, phases=phases, limits=limits or Limits())
    return replace(summary, issues=tuple(issues))


def check(summary: Summary, *, phases: Sequence[Phase], limits: Limits) -> list[Issue]:
    """The plan against the call's limits. Blocking: caps exceeded, costs
    outside the funding period or a phase's years, unknown phases. Hint:
    an empty plan."""
    issues: list[Issue] = []
    if not summary.lines:
        issues.append(Issue("empty", _("Der Finanzierungsplan enthält noch keine Kosten.")))
        return issues
    issues += _check_caps(summary, limits)
    issues += _check_years(summary, limits)
    issues += _check_phases(summary, phases)
    return issues


def _check_caps(summary: Summary, limits: Limits) -> list[Issue]:
    issues = []
    if limits.total_cap is not None and summary.total > limits.total_cap:
        issues.append(
            Issue(
                "total_cap",
                _(
                    "Die Gesamtkosten (%(total)s) überschreiten die zuwendungsfähige "
                    "Obergrenze des Aufrufs (%(cap)s)."
                )
                % {"total": format_eur(summary.total), "cap": format_eur(limits.total_cap)},
            )
        )
    if limits.federal_cap is not None and summary.federal > limits.federal_cap:
        issues.append(
            Issue(
                "federal_cap",
                _("Der Bundesanteil (%(federal)s) überschreitet die Höchstförderung (%(cap)s).")
                % {
                    "federal": format_eur(summary.federal),
                    "cap": format_eur(limits.federal_cap),
                },
            )
        )
    if limits.federal_min is not None and summary.federal < limits.federal_min:
        issues.append(
            Issue(
                "federal_min",
                _("Der Bundesanteil (%(federal)s) liegt unter der Mindestförderung (%(min)s).")
                % {
                    "federal": format_eur(summary.federal),
                    "min": format_eur(limits.federal_min),
                },
            )
        )
    return issues


def _check_years(summary: Summary, limits: Limits) -> list[Issue]:
    outside = [
        year
        for year in summary.years
        if (limits.first_year is not None and year < limits.first_year)
        or (limits.last_year is not None and year > limits.last_year)
    ]
    if not outside:
        return []
    return [
        Issue(
            "period",
            _("Kosten im Jahr %(years)s liegen außerhalb des Förderzeitraums %(first)s–%(last)s.")
            % {
                "years": ", ".join(str(year) for year in outside),
                "first": limits.first_year or "…",
                "last": limits.last_year or "…",
            },
        )
    ]


def _check_phases(summary: Summary, phases: Sequence[Phase]) -> list[Issue]:
    issues = []
    known = {phase.key: phase for phase in phases}
    for row in summary.phases:
        phase = known.get(row.key)
        if phase is None:
            if phases:
                issues.append(
                    Issue(
                        "phase_unknown",
                        _("Kosten ohne gültige Phase des Aufrufs: %(amount)s.")
                        % {"amount": format_eur(row.total)},
                    )
                )
            continue
        issues += _check_phase(row, phase)
    return issues


def _check_phase(row: PhaseRow, phase: Phase) -> list[Issue]:
    issues = []
    if phase.cap is not None and row.total > phase.cap:
        issues.append(
            Issue(
                "phase_cap",
                _("%(phase)s: Die Kosten (%(total)s) überschreiten die Obergrenze (%(cap)s).")
                % {
                    "phase": phase.label,
                    "total": format_eur(row.total),
                    "cap": format_eur(phase.cap),
                },
            )
        )
    early = phase.first_year is not None and min(row.by_year) < phase.first_year
    late = phase.last_year is not None and max(row.by_year) > phase.last_year
    if early or late:
        issues.append(
            Issue(
                "phase_years",
                _("%(phase)s: Kosten liegen außerhalb der Jahre %(first)s–%(last)s.")
                % {
                    "phase": phase.label,
                    "first": phase.first_year or "…",
                    "last": phase.last_year or "…",
                },
            )
        )
    return issues


def matrix(summary: Summary) -> list[tuple[PhaseRow, list[Decimal]]]:
    """Rows of the phase × year table: each phase with its amount per year
    of the plan (0 where it has none)."""
    return [
        (row, [row.by_year.get(year, ZERO) for year in summary.years]) for row in summary.phases
    ]


def totals_by(lines: Iterable[CostLine], key: str) -> Mapping[str, Decimal]:
    """Sum of the amounts grouped by an attribute of the lines ("measure", …)."""
    result: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        result[getattr(line, key)] += line.amount
    return dict(result)
