"""A learned query adapter: a linear map that moves a question's sentence
vector towards the vectors of the texts that answer such questions.

The sentence encoder (multilingual USE) places a question near other
questions ("Wie lang darf die Projektbeschreibung sein?" is close to most
short questions), not near the call passage or fact that answers it. The
adapter, `q + qA` with a 512 × 512 matrix `A` learnt from the development
set (questions and the documents that answer them), corrects that on the
question side only: stored document vectors stay as they are, so nothing
is embedded again when the adapter changes, and a query costs one more
small matrix product. Training minimises the softmax cross-entropy of the
answering documents against all others (temperature TEMPERATURE), with an
L2 penalty that keeps `A` near zero, so the map stays close to the
encoder's own (the penalty was chosen by five-fold cross-validation on the
development set, `ikone train_query_adapter --cross-validate`; see
docs/adr/0010-learned-query-adapter.md and docs/search.md).

Only the ranking of questions against answers uses it; the confidence rule
keeps the encoder's own cosine (`ranking.Encoded.plain`), whose thresholds
were set for it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ADAPTER_FILE = Path(__file__).resolve().parent.parent / "data" / "query_adapter.npy"
TEMPERATURE = 0.05
PENALTY = 0.03
STEPS = 300
LEARNING_RATE = 0.01


_switched_off = False


@functools.cache
def _shipped() -> np.ndarray | None:
    if not ADAPTER_FILE.exists():
        return None
    return np.load(ADAPTER_FILE).astype(np.float32)


def matrix() -> np.ndarray | None:
    """The adapter matrix (float32), or None when no adapter is shipped or
    it is switched off (`switched_off`)."""
    return None if _switched_off else _shipped()


@contextlib.contextmanager
def switched_off() -> Iterator[None]:
    """Rank without the adapter for a while: `ikone eval_retrieval
    --no-adapter` measures the figures before it on the same data."""
    global _switched_off
    before, _switched_off = _switched_off, True
    try:
        yield
    finally:
        _switched_off = before


def adapt(vector: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """The question vector moved by the adapter, of unit length again (the
    vector itself when there is no adapter)."""
    weights = weights if weights is not None else matrix()
    if weights is None:
        return vector
    moved = vector + vector @ weights
    return (moved / np.linalg.norm(moved)).astype(np.float32)


@dataclass(frozen=True)
class TrainingSet:
    """Question vectors (n × d), candidate document vectors (m × d) and which
    candidates answer which question (n × m, 1.0 where one does)."""

    questions: np.ndarray
    documents: np.ndarray
    answers: np.ndarray

    def subset(self, rows: np.ndarray) -> TrainingSet:
        return TrainingSet(self.questions[rows], self.documents, self.answers[rows])


def _loss_and_gradient(
    weights: np.ndarray, data: TrainingSet, penalty: float
) -> tuple[float, np.ndarray]:
    questions, documents, answers = data.questions, data.documents, data.answers
    scores = (questions + questions @ weights) @ documents.T / TEMPERATURE
    scores -= scores.max(axis=1, keepdims=True)
    probabilities = np.exp(scores)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    on_answers = probabilities * answers
    answered = on_answers.sum(axis=1, keepdims=True)
    loss = float(-np.log(answered + 1e-12).mean() + penalty * (weights * weights).sum())
    # d loss / d scores: the softmax minus its share on the answering documents.
    delta = (probabilities - on_answers / answered) / TEMPERATURE / len(questions)
    gradient = questions.T @ (delta @ documents) + 2 * penalty * weights
    return loss, gradient


def train(data: TrainingSet, *, penalty: float = PENALTY, steps: int = STEPS) -> np.ndarray:
    """The adapter matrix learnt by full-batch Adam from zero (deterministic
    for the same data). Questions without an answering candidate are left out."""
    usable = data.subset(data.answers.sum(axis=1) > 0)
    dimensions = usable.questions.shape[1]
    weights: np.ndarray = np.zeros((dimensions, dimensions), dtype=np.float32)
    if not len(usable.questions):
        return weights
    first: np.ndarray = np.zeros_like(weights)
    second: np.ndarray = np.zeros_like(weights)
    for step in range(1, steps + 1):
        _loss, gradient = _loss_and_gradient(weights, usable, penalty)
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient * gradient
        corrected = first / (1 - 0.9**step)
        scale = np.sqrt(second / (1 - 0.999**step)) + 1e-8
        weights = (weights - LEARNING_RATE * corrected / scale).astype(np.float32)
    return weights


def mean_reciprocal_rank(data: TrainingSet, weights: np.ndarray) -> float:
    """MRR of the first answering candidate when the candidates are ordered
    by cosine to the adapted question vectors."""
    moved = data.questions + data.questions @ weights
    moved /= np.linalg.norm(moved, axis=1, keepdims=True)
    scores = moved @ data.documents.T
    reciprocal = []
    for row, answers in zip(scores, data.answers, strict=True):
        hits = np.flatnonzero(answers[np.argsort(-row, kind="stable")])
        reciprocal.append(1.0 / (hits[0] + 1) if len(hits) else 0.0)
    return float(np.mean(reciprocal)) if reciprocal else 0.0


def cross_validated(data: TrainingSet, penalty: float, *, folds: int = 5) -> float:
    """Mean MRR on each fold of the questions with the adapter learnt on the
    other folds (a fixed shuffle, so reruns agree)."""
    usable = data.subset(data.answers.sum(axis=1) > 0)
    assignment = np.random.default_rng(0).permutation(len(usable.questions)) % folds
    scores = []
    for fold in range(folds):
        weights = train(usable.subset(assignment != fold), penalty=penalty)
        scores.append(mean_reciprocal_rank(usable.subset(assignment == fold), weights))
    return float(np.mean(scores))
