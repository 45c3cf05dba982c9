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
import contextvars
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ADAPTER_FILE = Path(__file__).resolve().parent.parent / "data" / "query_adapter.npy"
DIMENSIONS = 512  # the encoder's (core.search.embeddings.DIMENSIONS)
TEMPERATURE = 0.05
PENALTY = 0.03
STEPS = 300
LEARNING_RATE = 0.01

# Per context, not per process: a command measuring without the adapter
# must not switch it off for a request served by another thread.
_switched_off: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "query_adapter_switched_off", default=False
)


@functools.cache
def _shipped() -> np.ndarray | None:
    """The shipped weights, read once per process (a retrained file takes
    effect after a restart, as new code does)."""
    if not ADAPTER_FILE.exists():
        return None
    weights = np.load(ADAPTER_FILE).astype(np.float32)
    if weights.shape != (DIMENSIONS, DIMENSIONS):
        raise ValueError(
            f"{ADAPTER_FILE} holds a {weights.shape} matrix; the query adapter must be "
            f"{DIMENSIONS} × {DIMENSIONS} (ikone train_query_adapter writes one)."
        )
    return weights


def matrix() -> np.ndarray | None:
    """The adapter matrix (float32), or None when no adapter is shipped or
    it is switched off (`switched_off`)."""
    return None if _switched_off.get() else _shipped()


@contextlib.contextmanager
def switched_off() -> Iterator[None]:
    """Rank without the adapter for a while: `ikone eval_retrieval
    --no-adapter` measures the figures before it on the same data."""
    token = _switched_off.set(True)
    try:
        yield
    finally:
        _switched_off.reset(token)


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

    def only(self, mask: np.ndarray) -> TrainingSet:
        """The questions where `mask` is true, against the same candidates."""
        return TrainingSet(self.questions[mask], self.documents, self.answers[mask])

    def answerable(self) -> TrainingSet:
        return self.only(self.answers.sum(axis=1) > 0)


def _log_sum_exp(scores: np.ndarray, where: np.ndarray | None = None) -> np.ndarray:
    """log Σ exp(scores) per row (over the entries `where` is true), without
    overflow or underflow."""
    masked = scores if where is None else np.where(where, scores, -np.inf)
    top = masked.max(axis=1, keepdims=True)
    return top + np.log(np.exp(masked - top).sum(axis=1, keepdims=True))


def _loss_and_gradient(
    weights: np.ndarray, data: TrainingSet, penalty: float
) -> tuple[float, np.ndarray]:
    """loss = mean over questions of −log Σ_answers softmax(s) + penalty ‖A‖²,
    with s = (Q + QA) Dᵀ / T. The softmax is taken over the unnormalised
    adapted vector on purpose: the penalty keeps its length near one, and
    the order of one question's candidates is the same either way."""
    questions, documents, answers = data.questions, data.documents, data.answers
    scores = (questions + questions @ weights) @ documents.T / TEMPERATURE
    everything = _log_sum_exp(scores)
    on_answers = _log_sum_exp(scores, answers > 0)
    loss = float((everything - on_answers).mean() + penalty * (weights * weights).sum())
    # d loss / d s = softmax over all − softmax over the answers only.
    delta = np.exp(scores - everything) - np.where(answers > 0, np.exp(scores - on_answers), 0.0)
    delta /= TEMPERATURE * len(questions)
    gradient = questions.T @ (delta @ documents) + 2 * penalty * weights
    return loss, gradient.astype(np.float32)


def train(data: TrainingSet, *, penalty: float = PENALTY, steps: int = STEPS) -> np.ndarray:
    """The adapter matrix learnt by full-batch Adam from zero (deterministic
    for the same data). Questions without an answering candidate are left out."""
    usable = data.answerable()
    dimensions = usable.questions.shape[1]
    weights: np.ndarray = np.zeros((dimensions, dimensions), dtype=np.float32)
    if not len(usable.questions):
        return weights
    mean: np.ndarray = np.zeros_like(weights)  # Adam's moment estimates
    variance: np.ndarray = np.zeros_like(weights)
    for step in range(1, steps + 1):
        _loss, gradient = _loss_and_gradient(weights, usable, penalty)
        mean = 0.9 * mean + 0.1 * gradient
        variance = 0.999 * variance + 0.001 * gradient * gradient
        corrected = mean / (1 - 0.9**step)
        scale = np.sqrt(variance / (1 - 0.999**step)) + 1e-8
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
    usable = data.answerable()
    folds = max(1, min(folds, len(usable.questions)))
    assignment = np.random.default_rng(0).permutation(len(usable.questions)) % folds
    scores = []
    for fold in range(folds):
        weights = train(usable.only(assignment != fold), penalty=penalty)
        scores.append(mean_reciprocal_rank(usable.only(assignment == fold), weights))
    return float(np.mean(scores)) if scores else 0.0
