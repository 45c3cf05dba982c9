"""Euro amounts: rounding to cents, parsing German input, formatting."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import get_format
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
# English: comma groups thousands, dot decimals ("12,500.50", "12500.5").
_EN_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_EN_PLAIN = re.compile(r"^\d+(\.\d+)?$")


def _normalise(cleaned: str) -> str | None:
    """The amount with a dot as decimal point, or None if it is not one.
    Under an English interface the English form wins ("12,500" is twelve
    thousand five hundred); the German forms are understood in any language."""
    if get_format("DECIMAL_SEPARATOR") == "." and (
        _EN_GROUPED.match(cleaned) or _EN_PLAIN.match(cleaned)
    ):
        return cleaned.replace(",", "")
    if _GROUPED.match(cleaned) or _PLAIN.match(cleaned):
        return cleaned.replace(".", "").replace(",", ".")
    if _DOT_DECIMAL.match(cleaned):
        return cleaned
    return None


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
    normalised = _normalise(cleaned)
    if normalised is None:
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
    """Digits in the active language: "12.500,50" (German: dot groups
    thousands, comma decimals), "12,500.50" (English)."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _dot, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = str(get_format("THOUSAND_SEPARATOR")).join(groups)
    if places:
        text += str(get_format("DECIMAL_SEPARATOR")) + fraction.ljust(places, "0")
    return sign + text


def format_eur(value: Decimal) -> str:
    """Currency with a non-breaking space: "12.500,50 €" (English "12,500.50 €")."""
    return f"{format_number(value)}\u00a0€"


def format_percent(rate: Decimal) -> str:
    """A rate in percent, without needless decimals: "65 %", "82,5 %"."""
    normalised = rate.normalize()
    places = max(0, -normalised.as_tuple().exponent)  # type: ignore[operator]
    return f"{format_number(rate, places=places)}\u00a0%"
