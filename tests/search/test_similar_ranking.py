"""The nearest stored documents: the same list as sorting every score,
without sorting every score."""

from __future__ import annotations

import numpy as np

from ikone.core.search.embeddings import Matrix, highest, similar


def stable_order(scores: np.ndarray, limit: int) -> np.ndarray:
    return np.argsort(-scores, kind="stable")[:limit]


def test_highest_is_the_head_of_a_stable_sort_ties_included():
    rng = np.random.default_rng(20261205)
    for size, limit in [(1, 50), (49, 50), (50, 50), (51, 50), (4000, 50), (4000, 7)]:
        # Few distinct values: many ties, also at the threshold.
        scores = rng.integers(0, 12, size).astype(np.float32) / 11
        assert highest(scores, limit).tolist() == stable_order(scores, limit).tolist()
        scores = rng.standard_normal(size).astype(np.float32)
        assert highest(scores, limit).tolist() == stable_order(scores, limit).tolist()


def matrix(rows: int) -> Matrix:
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((rows, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes = {"question": 1, "call_passage": 2, "call:4": 3, "call:5": 4}
    return Matrix(
        ids=np.arange(1000, 1000 + rows),
        kinds=np.where(np.arange(rows) % 10 == 0, 2, 1).astype(np.int32),
        groups=np.where(np.arange(rows) % 20 == 0, 3, 4).astype(np.int32),
        codes=codes,
        vectors=vectors,
        stamp=("test", rows),
    )


def test_a_few_candidates_and_most_of_the_matrix_give_what_the_full_product_gives():
    current = matrix(2000)
    query = current.vectors[17] * 0.6 + current.vectors[40] * 0.4
    everything = current.vectors @ query
    for kinds, groups in [(("question",), ()), (("call_passage",), ("call:4",)), ((), ())]:
        mask = np.ones(len(current.ids), dtype=bool)
        if kinds:
            mask &= current.mask(current.kinds, kinds)
        if groups:
            mask &= current.mask(current.groups, groups)
        candidates = np.flatnonzero(mask)
        expected = candidates[stable_order(everything[candidates], 30)]
        found = similar(
            "Eigenanteil", kinds=kinds, groups=groups, limit=30, vector=query, current=current
        )
        assert [doc for doc, _ in found] == [int(current.ids[i]) for i in expected]
        assert np.allclose([score for _, score in found], everything[expected], atol=1e-6)
