from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ikone.core.search.audience import Audience
from ikone.core.search.models import SearchDocument


@dataclass(frozen=True)
class Query:
    """Stemmed terms and the filters every backend applies.

    `match_all`: every term must occur (the search page); otherwise any term
    (ranking candidates for suggestions). A term of several stems separated
    by spaces (a thesaurus expression, "selb zahl") matches where all of
    them occur."""

    terms: tuple[str, ...]
    audience: Audience
    match_all: bool = True
    kinds: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    suggestible_only: bool = False
    # Only these documents (which of a hybrid ranking's candidates also
    # match the words), or all but these (the rest of a hybrid list).
    ids: tuple[int, ...] = ()
    exclude_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    score: float  # higher is better


class SearchBackend:
    """The interface; see `DatabaseBackend` for the reference implementation."""

    def search(self, query: Query, *, limit: int, offset: int = 0) -> list[Hit]:
        raise NotImplementedError

    def facets(self, query: Query) -> dict[str, int]:
        """Number of matches per kind (ignoring `query.kinds`)."""
        raise NotImplementedError

    def ranked_ids(self, query: Query, *, limit: int) -> list[tuple[int, float]]:
        """(document id, score) of the best matches, without loading documents."""
        return [(hit.document.pk, hit.score) for hit in self.search(query, limit=limit)]

    def matching_object_ids_sql(self, query: Query) -> tuple[str, list[Any]] | None:
        """A subquery (SQL, params) of the integer object ids of every match,
        for a list that filters its own rows by the search and orders them
        itself (the knowledge base by date); None where the engine is not
        the database (the caller then asks `ranked_ids`)."""
        return None

    def documents_changed(self, document_ids: Iterable[int]) -> None:
        """Documents were written; engines outside the database copy them."""

    def documents_deleted(self, document_ids: Iterable[int]) -> None:
        """These documents are about to leave the index."""
