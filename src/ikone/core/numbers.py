"""Whole numbers for many rows of a page in the active language."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils import formats


def digit_grouper() -> Callable[[int], str]:
    """Whole numbers as the template engine writes them in the active
    language ("12.345"), with the separator looked up once per page
    (`formats.number_format` looks it up per number)."""
    if not settings.USE_THOUSAND_SEPARATOR:
        return str
    separator = formats.get_format("THOUSAND_SEPARATOR")
    return lambda number: f"{number:,}".replace(",", separator)
