"""The financing plan's arithmetic: totals, federal and own share, checks.

Pure functions on `Decimal`, no database and no Django models, so that the
rules can be tested exhaustively (hypothesis) and reused by the pages, the
export, the readiness check and the API.

Rules:

- Amounts are euro with cents. Input with more than two decimals is refused
  rather than silently rounded; computed values (shares) are rounded to cents
  with ROUND_HALF_UP, the rounding German grant notices use.
- The federal share is `round(total × rate)`; the own share is the rest, so
  both always add up to the total exactly.
- A municipality in a budget emergency (Haushaltsnotlage) gets the call's
  higher rate; if a call states a lower "emergency" rate by mistake, the
  normal rate still applies (the emergency can only help).
- Federal shares per phase are the total federal share distributed over the
  phases by largest remainder, so that the phase rows add up to the total row
  to the cent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")
# Larger amounts than this are typos, not smart city projects.
MAX_AMOUNT = Decimal("999999999.99")


class AmountError(ValueError):
    """Text that is not a euro amount; `message` is German and user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------
# Rounding, parsing, formatting


def round_cents(value: Decimal) -> Decimal:
    """`value` rounded to cents, half up (0.005 → 0.01, -0.005 → -0.01)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def parse_amount(text: str) -> Decimal:
    """A euro amount typed the German way: "12.500,50", "12500,5", "12 500 €".

    A lone dot followed by one or two digits ("12.5", "99.95") is read as a
    decimal point, since nobody groups thousands that way; a dot followed by
    three digits ("12.500") is a thousands separator. Raises AmountError with
    a German message for anything else, negative amounts and more than two
    decimals.
    """
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.removesuffix("€").removesuffix("EUR").strip()
    if not cleaned:
        raise AmountError(_("Bitte einen Betrag angeben."))
    if cleaned.startswith("-"):
        raise AmountError(_("Beträge dürfen nicht negativ sein."))
    if _GROUPED.match(cleaned) or _PLAIN.match(cleaned):
        normalised = cleaned.replace(".", "").replace(",", ".")
    elif _DOT_DECIMAL.match(cleaned):
        normalised = cleaned
    else:
        raise AmountError(
            _("„%(text)s“ ist kein Betrag. Beispiel: 12.500,50") % {"text": text.strip()}
        )
    try:
        value = Decimal(normalised)
    except InvalidOperation:  # pragma: no cover - the patterns above exclude it
        raise AmountError(_("„%(text)s“ ist kein Betrag.") % {"text": text.strip()}) from None
    if value != value.quantize(CENT, rounding=ROUND_DOWN):
        raise AmountError(_("Bitte höchstens zwei Nachkommastellen (Cent) angeben."))
    if value > MAX_AMOUNT:
        raise AmountError(_("Der Betrag ist zu groß."))
    return value.quantize(CENT)


def format_number(value: Decimal, *, places: int = 2) -> str:
    """German digits: "12.500,50" (dot groups thousands, comma decimals)."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _dot, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    if places:
        text += "," + fraction.ljust(places, "0")
    return sign + text


def format_eur(value: Decimal) -> str:
    """German currency format with a non-breaking space: "12.500,50 €"."""
    return f"{format_number(value)}\u00a0€"


def format_percent(rate: Decimal) -> str:
    """A rate in percent, without needless decimals: "65 %", "82,5 %"."""
    normalised = rate.normalize()
    places = max(0, -normalised.as_tuple().exponent)  # type: ignore[operator]
    return f"{format_number(rate, places=places)}\u00a0%"


# ---------------------------------------------------------------------------
# Rates and shares


@dataclass(frozen=True)
class Rates:
    """A call's federal funding rates in percent (0–100)."""

    federal: Decimal
    federal_budget_emergency: Decimal | None = None

    def applicable(self, *, budget_emergency: bool) -> Decimal:
        """The rate for an applicant; never lower in an emergency."""
        if budget_emergency and self.federal_budget_emergency is not None:
            return max(self.federal, self.federal_budget_emergency)
        return self.federal


@dataclass(frozen=True)
class Shares:
    total: Decimal
    federal: Decimal
    own: Decimal


def shares(total: Decimal, rate_percent: Decimal) -> Shares:
    """Federal share = total × rate rounded to cents; own share = the rest."""
    if not ZERO <= rate_percent <= HUNDRED:
        raise ValueError(f"rate out of range: {rate_percent}")
    federal = round_cents(total * rate_percent / HUNDRED)
    return Shares(total=total, federal=federal, own=total - federal)


def allocate(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Distribute `amount` (in cents) proportionally to `weights`.

    Largest remainder: every part is the proportional value rounded down to
    the cent, and the cents left over go to the parts with the largest
    remainders (earlier parts first on ties). The parts add up to `amount`
    exactly. Weights must be non-negative; all-zero weights get nothing.
    """
    total_weight = sum(weights, ZERO)
    if total_weight == 0:
        return [ZERO for _weight in weights]
    cents = int((amount / CENT).to_integral_value())
    exact = [Decimal(cents) * weight / total_weight for weight in weights]
    floors = [int(value.to_integral_value(rounding=ROUND_DOWN)) for value in exact]
    left = cents - sum(floors)
    order = sorted(range(len(weights)), key=lambda index: (-(exact[index] - floors[index]), index))
    for index in order[:left]:
        floors[index] += 1
    return [(Decimal(part) * CENT).quantize(CENT) for part in floors]


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
