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

The package re-exports every name, so callers keep writing
`financing.format_eur(...)`.
"""

from ikone.applications.financing.amounts import (
    CENT,
    HUNDRED,
    MAX_AMOUNT,
    ZERO,
    AmountError,
    format_eur,
    format_number,
    format_percent,
    parse_amount,
    round_cents,
)
from ikone.applications.financing.plan import (
    CostLine,
    Issue,
    Limits,
    Phase,
    PhaseRow,
    Summary,
    check,
    matrix,
    summarize,
    totals_by,
)
from ikone.applications.financing.rates import (
    Rates,
    Shares,
    allocate,
    shares,
)

__all__ = [
    "AmountError",
    "CENT",
    "CostLine",
    "HUNDRED",
    "Issue",
    "Limits",
    "MAX_AMOUNT",
    "Phase",
    "PhaseRow",
    "Rates",
    "Shares",
    "Summary",
    "ZERO",
    "allocate",
    "check",
    "format_eur",
    "format_number",
    "format_percent",
    "matrix",
    "parse_amount",
    "round_cents",
    "shares",
    "summarize",
    "totals_by",
]
