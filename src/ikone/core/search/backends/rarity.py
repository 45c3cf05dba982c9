"""How rare each term of a query is in the PostgreSQL index.

PostgreSQL's `ts_rank` knows how often a document uses a term, but not how
many documents use it: "kommun" (in four thousand documents) counts as much
as "eigenanteil" (in a few dozen). SQLite's BM25 weighs by rarity. The
database backend ranks the suggestions' candidates on PostgreSQL by the sum
of each term's `ts_rank` times its inverse document frequency (BM25's idf),
so that both databases order alike (docs/search.md, "Seltenheit").

Counting a term's documents uses the GIN index but costs a few milliseconds
for a common prefix, so the counts are kept per process for a while: they
move slowly, and an exact count matters less than not counting per request.
Writing the index forgets them (`forget`), so a process that has just
indexed ranks with current counts. The same counts tell which terms are so
common that a candidate needs another one (`informative`).
"""

from __future__ import annotations

import math
import threading
import time

from django.db import connection

# How long a process trusts a count, and how many it keeps.
REMEMBER_SECONDS = 600
REMEMBER_AT_MOST = 4096
# The suggestions' candidates need not include a document that holds only
# terms found in more than this share of the index ("kommun": 7 % of the
# benchmark's documents): its score (rarity times ts_rank) stays below the
# best 50 whenever the other terms find ENOUGH_CANDIDATES documents, and
# scoring it cost most of the query (docs/search.md, "Häufige Wörter").
COMMON_SHARE = 0.05
ENOUGH_CANDIDATES = 200

_lock = threading.Lock()
_counts: dict[str, tuple[float, int]] = {}


def forget() -> None:
    with _lock:
        _counts.clear()


def _remembered(keys: list[str], now: float) -> dict[str, int]:
    with _lock:
        entries = {key: _counts.get(key) for key in keys}
    return {key: entry[1] for key, entry in entries.items() if entry and entry[0] > now}


def _count(keys: list[str]) -> dict[str, int]:
    """Documents per tsquery expression, and all documents for the key "",
    in one round trip (each count through the GIN index)."""
    parts: list[str] = []
    params: list[str] = []
    for key in keys:
        match = " WHERE search_vector @@ to_tsquery('simple', %s)" if key else ""
        parts.append(f"SELECT %s, COUNT(*) FROM core_searchdocument{match}")  # noqa: S608
        params += [key, key] if key else [key]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {key: int(count) for key, count in cursor.fetchall()}


def document_counts(expressions: list[str]) -> tuple[int, dict[str, int]]:
    """(documents in the index, documents matching each expression). Only
    what is not remembered is counted: the whole index (a scan of every
    row) at most once per REMEMBER_SECONDS, not with every new word."""
    now = time.monotonic()
    keys = ["", *expressions]
    known = _remembered(keys, now)
    missing = [key for key in dict.fromkeys(keys) if key not in known]
    if missing:
        counted = _count(missing)
        known.update(counted)
        with _lock:
            if len(_counts) + len(counted) > REMEMBER_AT_MOST:
                _counts.clear()
            for key, count in counted.items():
                _counts[key] = (now + REMEMBER_SECONDS, count)
    return known[""], {expression: known[expression] for expression in expressions}


def weights(expressions: list[str]) -> list[float]:
    """BM25's inverse document frequency of each expression, never negative:
    ln(1 + (N - n + 0.5) / (n + 0.5))."""
    total, counts = document_counts(expressions)
    return [
        math.log(1 + (total - counts[expression] + 0.5) / (counts[expression] + 0.5))
        for expression in expressions
    ]


def informative(expressions: list[str]) -> list[str]:
    """The expressions a candidate must match one of: all but those in more
    than COMMON_SHARE of the index, unless the rest find fewer than
    ENOUGH_CANDIDATES documents (the common ones still count in the score)."""
    total, counts = document_counts(expressions)
    kept = [expression for expression in expressions if counts[expression] <= COMMON_SHARE * total]
    if not kept or len(kept) == len(expressions):
        return expressions
    if sum(counts[expression] for expression in kept) < ENOUGH_CANDIDATES:
        return expressions
    return kept
