"""Three rankings of the suggestible documents for a question text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ikone.core.search import embeddings
from ikone.core.search.audience import Audience
from ikone.core.search.backends import Query, get_backend
from ikone.core.search.text import query_terms
from ikone.qa.retrieval import adapter

CANDIDATES = 50
# Reciprocal-rank fusion: score = Σ weight / (K + rank). Tuned on the
# evaluation set (docs/search.md): the encoder recognises paraphrases and
# colloquial wording, the stems catch rare exact terms ("Haushaltsnotlage").
# It decides whether a suggestion is confident (found by both lists).
RRF_K = 10
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 1.5
# The order is a convex combination of the scores themselves (Bruch et al.,
# "An Analysis of Fusion Functions for Hybrid Retrieval", 2023): the share
# of the BM25 score relative to the query's best, plus the rest of the
# cosine. Unlike ranks, scores keep how far ahead the best match is, and
# the copies of one paragraph that several rounds repeat share one score
# instead of taking several ranks. Tuned on the development set over
# everything that can answer (docs/search.md).
LEXICAL_SHARE = 0.3


@dataclass(frozen=True)
class Ranked:
    document_id: int
    score: float


def lexical(
    text: str,
    *,
    audience: Audience,
    kinds: Sequence[str],
    groups: Sequence[str] = (),
    limit: int = CANDIDATES,
    terms: Sequence[str] | None = None,
) -> list[Ranked]:
    """Best matches of any of the text's stems, or of the given `terms`
    (one query)."""
    terms = list(terms) if terms is not None else query_terms(text)
    if not terms:
        return []
    query = Query(
        terms=tuple(terms),
        audience=audience,
        match_all=False,
        kinds=tuple(kinds),
        groups=tuple(groups),
        suggestible_only=True,
    )
    return [Ranked(pk, score) for pk, score in get_backend().ranked_ids(query, limit=limit)]


@dataclass(frozen=True)
class Encoded:
    """The question's embedding and the stored matrix, computed once per
    request: `vector` moved by the query adapter (`adapter`), which orders
    candidates, and the encoder's `plain` vector, whose cosine the
    confidence rule reads."""

    vector: np.ndarray
    matrix: embeddings.Matrix
    plain: np.ndarray

    @cached_property
    def scores(self) -> np.ndarray:
        """The adapted vector's cosine with every stored row, computed once:
        the rankings of one question (suggested questions, sections, the
        lexical candidates' own cosines) all read it, instead of multiplying
        rows again."""
        return self.matrix.scores(self.vector)


def _encoded(text: str, current: embeddings.Matrix) -> Encoded:
    plain = embeddings.encode([text])[0]
    return Encoded(vector=adapter.adapt(plain), matrix=current, plain=plain)


def encoded(text: str) -> Encoded:
    return _encoded(text, embeddings.matrix())


def encoded_if_vectors(text: str) -> Encoded | None:
    """As `encoded`, but None (and no encoding) while no vector is stored."""
    current = embeddings.matrix()
    if not len(current.ids):
        return None
    return _encoded(text, current)


def semantic(
    text: str,
    *,
    kinds: Sequence[str],
    groups: Sequence[str] = (),
    limit: int = CANDIDATES,
    encoding: Encoded,
) -> list[Ranked]:
    """Most similar stored embeddings to the adapted question vector
    (visibility is applied afterwards)."""
    found = embeddings.similar(
        text,
        kinds=kinds,
        groups=groups,
        limit=limit,
        vector=encoding.vector,
        current=encoding.matrix,
        scores=encoding.scores,
    )
    return [Ranked(pk, score) for pk, score in found]


def plain_cosine(encoding: Encoded, candidates: Sequence[Ranked]) -> float:
    """The highest cosine of the encoder's own question vector (not the
    adapted one) among the candidates: how close in meaning the closest of
    them is, on the scale the confidence thresholds were set for."""
    positions = _positions(encoding.matrix, [item.document_id for item in candidates])
    if not len(positions):
        return 0.0
    if encoding.vector is encoding.plain:  # no adapter: the cosines are at hand
        return float(encoding.scores[positions].max())
    # At most 50 rows (about 0.05 ms at bench volume); a second product with
    # the whole matrix, even as one 512 × 2 product, costs 1.8–4 ms more.
    return float((encoding.matrix.vectors[positions] @ encoding.plain).max())


def _positions(current: embeddings.Matrix, document_ids: Sequence[int]) -> np.ndarray:
    """The rows of the given documents that have a stored vector."""
    # Snapshots hold their rows in id order (`vector_files`): a binary search
    # per id, about 0.1 ms for 50 ids among 40,000 rows (np.isin: 1-3 ms).
    wanted = np.asarray(document_ids, dtype=np.int64)
    positions = np.minimum(np.searchsorted(current.ids, wanted), len(current.ids) - 1)
    return positions[current.ids[positions] == wanted]


def cosines(encoding: Encoded, document_ids: Sequence[int]) -> list[Ranked]:
    """The cosine of each given document that has a stored vector, computed
    from the stored matrix (no query, no encoding): the lexical candidates
    that the semantic list (its best `CANDIDATES`) left out still have a
    meaning score, and it should count."""
    current = encoding.matrix
    if not len(current.ids) or not document_ids:
        return []
    positions = _positions(current, document_ids)
    scores = encoding.scores[positions]
    return [
        Ranked(int(current.ids[position]), float(score))
        for position, score in zip(positions, scores, strict=True)
    ]


def fuse(
    *rankings: list[Ranked],
    weights: Sequence[float] = (LEXICAL_WEIGHT, SEMANTIC_WEIGHT),
    k: int = RRF_K,
) -> list[Ranked]:
    """Weighted reciprocal-rank fusion of several rankings."""
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=False):
        for rank, item in enumerate(ranking, start=1):
            scores[item.document_id] = scores.get(item.document_id, 0.0) + weight / (k + rank)
    ordered = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    return [Ranked(pk, score) for pk, score in ordered]


def combine(
    lexical: list[Ranked], semantic: list[Ranked], *, share: float = LEXICAL_SHARE
) -> list[Ranked]:
    """Candidates of both rankings ordered by share × BM25 / best BM25 +
    (1 − share) × cosine; a candidate missing from a list scores 0 there
    (`suggestions.ranked` gives the lexical candidates their cosine first,
    see `cosines`)."""
    best = max((item.score for item in lexical), default=0.0)
    scores: dict[int, float] = {}
    if best > 0:
        for item in lexical:
            scores[item.document_id] = share * item.score / best
    for item in semantic:
        scores[item.document_id] = scores.get(item.document_id, 0.0) + (1 - share) * max(
            item.score, 0.0
        )
    ordered = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    return [Ranked(pk, score) for pk, score in ordered]
