"""Addresses that depend only on the URLconf, the active language and the
script prefix, worked out once per process.

Every page's layout names the same two dozen addresses (main and account
navigation, footer, icons, the page in the other language, its canonical
and hreflang links); reversing or translating each walks the URL patterns
again, about a millisecond per signed-in page in all. The answers cannot
change while the process runs, except when a test swaps the URLconf or
the languages (then `setting_changed` empties the memo).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils.translation import get_language

# Enough for every named address in every language; translated paths are
# bounded by the LRU (a path with a query string is one entry each).
_TRANSLATED_PATHS = 4096
_reversed: dict[tuple[str, tuple[object, ...], str | None, str], str | None] = {}


def reverse_memo(name: str, *args: object) -> str:
    """`reverse(name, args=args)` for the active language, remembered.

    Only for addresses with fixed arguments (the layout's links), never for
    ones built from request data: the memo keeps every distinct call."""
    key = (name, args, get_language(), get_script_prefix())
    try:
        url = _reversed[key]
    except KeyError:
        try:
            url = reverse(name, args=args)
        except NoReverseMatch:
            url = None
        _reversed[key] = url
    if url is None:
        raise NoReverseMatch(f"Reverse for {name!r} not found.")
    return url


# Marks the argument of `row_address` that differs per row.
EACH = object()
# Matches every converter IKONE uses (int, slug, a 9-digit municipality key).
_STAND_IN = "987654321"
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


def row_address(name: str, *args: object, **kwargs: object) -> Callable[[object], str]:
    """The address of `name` for each row of a long list, where `EACH`
    stands for the row's value: reversed once with a stand-in, then each
    row replaces it (a `reverse` per row walks the URL patterns again). A
    value with characters a path would percent-encode is reversed in full."""

    def filled(value: object) -> tuple[list[object] | None, dict[str, object] | None]:
        return (
            [value if arg is EACH else arg for arg in args] or None,
            {key: value if arg is EACH else arg for key, arg in kwargs.items()} or None,
        )

    stand_in_args, stand_in_kwargs = filled(_STAND_IN)
    url = reverse(name, args=stand_in_args, kwargs=stand_in_kwargs)
    # The stand-in begins a path segment, once; what follows it may be "/"
    # or a suffix such as ".ics" (an event's calendar file).
    before, found, after = url.partition(_STAND_IN)
    pasted = bool(found) and before.endswith("/") and _STAND_IN not in after

    def of(value: object) -> str:
        text = str(value)
        if pasted and _PLAIN.fullmatch(text):
            return f"{before}{text}{after}"
        row_args, row_kwargs = filled(value)
        return reverse(name, args=row_args, kwargs=row_kwargs)

    return of


def translate_url_memo(url: str, language: str) -> str:
    """`translate_url(url, language)`: the same page in another language."""
    return _translated(url, language, get_language(), get_script_prefix())


@lru_cache(maxsize=_TRANSLATED_PATHS)
def _translated(url: str, language: str, _active: str | None, _prefix: str) -> str:
    return translate_url(url, language)


def clear() -> None:
    _reversed.clear()
    _translated.cache_clear()


@receiver(setting_changed)
def _urlconf_changed(*, setting: str, **kwargs: object) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"}:
        clear()
