"""Search backends: one interface, several engines.

`DatabaseBackend` (SQLite FTS5 or PostgreSQL full text over the stemmed
columns of `SearchDocument`) by default; `OpenSearchBackend` when
`SEARCH_URL` is set. Both rank the same stemmed terms.
"""

from __future__ import annotations

import functools

from django.conf import settings

from ikone.core.search.backends.base import Hit, Query, SearchBackend


@functools.cache
def _backend(url: str) -> SearchBackend:
    if url:
        from ikone.core.search.backends.opensearch import OpenSearchBackend

        return OpenSearchBackend(url)
    from ikone.core.search.backends.database import DatabaseBackend

    return DatabaseBackend()


def get_backend() -> SearchBackend:
    return _backend(getattr(settings, "SEARCH_URL", "") or "")


__all__ = ["Hit", "Query", "SearchBackend", "get_backend"]
