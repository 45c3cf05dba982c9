"""Full text in the database itself: SQLite FTS5 or PostgreSQL tsvector.

Both search the stemmed columns (stems made in Python, identical on both
databases), with prefix matching on stems of four or more letters so that a
compound's start finds it ("Förder" finds "Förderquote"). Titles weigh more
than bodies.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from ikone.core.search.backends import rarity
from ikone.core.search.backends.base import Hit, Query, SearchBackend
from ikone.core.search.models import SearchDocument

COLUMNS = (
    "id",
    "kind",
    "object_id",
    "title",
    "body",
    "context",
    "url",
    "group",
    "visibility",
    "organization_id",
    "owner_id",
    "suggestible",
    "updated_at",
)
SELECT = ", ".join(f'd."{name}"' for name in COLUMNS)


# ts_rank's weights of the labels D, C, B (body) and A (title) when ranking
# candidates on PostgreSQL: a title counts 1.67 times a body, not 2.5 times
# (the default 0.4 for B). Chosen on the development set with the rarity
# weights (docs/search.md, "Seltenheit"); SQLite's BM25 keeps 4.0 / 1.0.
RANKING_LABEL_WEIGHTS = "{0.1, 0.2, 0.6, 1.0}"


def _prefix(term: str) -> bool:
    return len(term) >= 4


def _grouped(joiner: str, stems: list[str]) -> str:
    """One term of the query; a term of several stems needs all of them."""
    return stems[0] if len(stems) == 1 else f"({joiner.join(stems)})"


def _tsquery_terms(query: Query) -> list[str]:
    """Each term of the query as a PostgreSQL tsquery expression."""
    return [
        _grouped(" & ", [f"{stem}:*" if _prefix(stem) else stem for stem in term.split()])
        for term in query.terms
    ]


def _ranks_candidates(query: Query) -> bool:
    """Whether the query gathers candidates for the suggestions' ranking
    (any term, suggestible documents, no given ids): the one place where a
    document that holds only the commonest terms can be left out."""
    return not query.match_all and query.suggestible_only and not query.ids


class DatabaseBackend(SearchBackend):
    def _vendor(self) -> str:
        return connection.vendor

    def _match(self, query: Query) -> tuple[str, str, list[Any]]:
        """(FROM clause, WHERE clause, params) for the full-text condition and
        the score expression, per database."""
        if self._vendor() == "postgresql":
            joiner = " & " if query.match_all else " | "
            expressions = _tsquery_terms(query)
            if _ranks_candidates(query):
                expressions = rarity.informative(expressions)
            expression = joiner.join(expressions)
            return (
                "core_searchdocument d, to_tsquery('simple', %s) q",
                "d.search_vector @@ q",
                [expression],
            )
        joiner = " AND " if query.match_all else " OR "
        expression = joiner.join(
            _grouped(
                " AND ",
                [f'"{stem}"*' if _prefix(stem) else f'"{stem}"' for stem in term.split()],
            )
            for term in query.terms
        )
        return (
            "core_searchdocument_fts f JOIN core_searchdocument d ON d.id = f.rowid",
            "core_searchdocument_fts MATCH %s",
            [expression],
        )

    def _score(self, query: Query) -> tuple[str, list[Any]]:
        """The score expression and its params. Candidates for a ranking (any
        term) are scored on PostgreSQL by each term's ts_rank times its
        rarity, as BM25 does on SQLite (rarity.py)."""
        if self._vendor() != "postgresql":
            return "-bm25(core_searchdocument_fts, 4.0, 1.0)", []
        if query.match_all:
            return "ts_rank(d.search_vector, q, 1)", []
        labels = f"'{RANKING_LABEL_WEIGHTS}'::real[]"
        if len(query.terms) == 1:
            return f"ts_rank({labels}, d.search_vector, q, 1)", []
        expressions = _tsquery_terms(query)
        weighted = " + ".join(
            [f"%s * ts_rank({labels}, d.search_vector, to_tsquery('simple', %s), 1)"]
            * len(expressions)
        )
        params: list[Any] = []
        for weight, expression in zip(rarity.weights(expressions), expressions, strict=True):
            params += [weight, expression]
        return f"({weighted})", params

    def _where(self, query: Query, *, with_kinds: bool) -> tuple[str, str, list[Any]]:
        source, match, params = self._match(query)
        audience, audience_params = query.audience.sql("d")
        clauses = [match, audience]
        params = params + audience_params
        if with_kinds and query.kinds:
            clauses.append(f"d.kind IN ({', '.join(['%s'] * len(query.kinds))})")
            params += list(query.kinds)
        if query.groups:
            clauses.append(f'd."group" IN ({", ".join(["%s"] * len(query.groups))})')
            params += list(query.groups)
        if query.suggestible_only:
            clauses.append("d.suggestible = %s")
            params.append(True)
        if query.ids:
            clauses.append(f"d.id IN ({', '.join(['%s'] * len(query.ids))})")
            params += list(query.ids)
        if query.exclude_ids:
            clauses.append(f"d.id NOT IN ({', '.join(['%s'] * len(query.exclude_ids))})")
            params += list(query.exclude_ids)
        return source, " AND ".join(clauses), params

    def search(self, query: Query, *, limit: int, offset: int = 0) -> list[Hit]:
        if not query.terms:
            return []
        source, where, params = self._where(query, with_kinds=True)
        score, score_params = self._score(query)
        sql = (
            f"SELECT {SELECT}, {score} AS score FROM {source} WHERE {where} "  # noqa: S608
            "ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
        )
        rows = SearchDocument.objects.raw(sql, [*score_params, *params, limit, offset])
        return [Hit(document=row, score=float(getattr(row, "score", 0.0))) for row in rows]

    def ranked_ids(self, query: Query, *, limit: int) -> list[tuple[int, float]]:
        if not query.terms:
            return []
        source, where, params = self._where(query, with_kinds=True)
        score, score_params = self._score(query)
        sql = (
            f"SELECT d.id, {score} AS score FROM {source} WHERE {where} "  # noqa: S608
            "ORDER BY score DESC, d.id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*score_params, *params, limit])
            return [(int(pk), float(score)) for pk, score in cursor.fetchall()]

    def matching_object_ids_sql(self, query: Query) -> tuple[str, list[Any]] | None:
        if not query.terms:
            return None
        source, where, params = self._where(query, with_kinds=True)
        # Rows are filtered before the select list is computed: only the
        # wanted kinds' object ids (integers for whole objects) are cast.
        return f"SELECT CAST(d.object_id AS INTEGER) FROM {source} WHERE {where}", params  # noqa: S608

    def facets(self, query: Query) -> dict[str, int]:
        if not query.terms:
            return {}
        source, where, params = self._where(query, with_kinds=False)
        sql = f"SELECT d.kind, COUNT(*) FROM {source} WHERE {where} GROUP BY d.kind"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {kind: int(count) for kind, count in cursor.fetchall()}
