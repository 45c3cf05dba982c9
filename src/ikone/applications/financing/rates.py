"""A call's funding rates and the federal and own shares they give."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from ikone.applications.financing.amounts import CENT, HUNDRED, ZERO, round_cents

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
