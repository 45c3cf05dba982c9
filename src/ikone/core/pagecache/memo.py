"""A value computed once and reused while the tables it was read from are
unchanged (see `tables`): the layout's footer links, an overview's figures.

    links = memo.get_or_compute(f"footer:{language}", compute_links)

A value computed while something was written is not kept (it would hide the
write's effect from the next reader). A reused value counts as read by any
page being recorded around it, so the page cache learns its tables too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

from ikone.core.pagecache import tables

T = TypeVar("T")
KEY_PREFIX = "ikone:memo:"
# Tables alone do not bound everything (a deploy with new code): a memo is
# computed anew at least this often.
SECONDS = 3600


def get_or_compute(key: str, compute: Callable[[], T], timeout: int = SECONDS) -> T:
    entry: tuple[dict[str, str], Any] | None = cache.get(KEY_PREFIX + key)
    if entry is not None:
        tokens, value = entry
        if tables.unchanged(tokens):
            tables.note_reused(tokens)
            return value  # type: ignore[no-any-return]
    with tables.recording() as recorded:
        value = compute()
    if not recorded.wrote:
        cache.set(KEY_PREFIX + key, (recorded.tokens, value), timeout)
    tables.note_reused(recorded.tokens)
    return value


def forget(key: str) -> None:
    """Compute the value anew on next use (not needed for correctness: for
    changes no table records, such as a new code version's output)."""
    cache.delete(KEY_PREFIX + key)
