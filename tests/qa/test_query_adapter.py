"""The learned query adapter (qa/retrieval/adapter.py, ADR 0010): how it
moves a question vector, that training learns what plain cosine misses,
that the shipped weights are sane, and that the confidence rule keeps the
encoder's own cosine."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from ikone.core.search import embeddings
from ikone.qa.retrieval import adapter, ranking, suggestions
from ikone.qa.retrieval.adapter import TrainingSet

pytestmark = pytest.mark.django_db


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def _toy_set(seed: int = 1) -> TrainingSet:
    """Questions that sit closest to a wrong document (the "question-like"
    direction all of them share), while the answering document differs per
    topic: what the plain encoder gets wrong for our questions."""
    rng = np.random.default_rng(seed)
    dimensions, topics = 16, 4
    topic = np.eye(dimensions, dtype=np.float32)[:topics]
    questionish = np.eye(dimensions, dtype=np.float32)[topics]
    questions, answers = [], []
    for index in range(40):
        which = index % topics
        noise = rng.normal(scale=0.05, size=dimensions)
        questions.append(0.4 * topic[which] + questionish + noise)
        answers.append(np.eye(topics + 1, dtype=np.float32)[which])
    # Candidates: one answer per topic, plus a short question-like text.
    documents = np.vstack([topic, questionish[None, :]])
    return TrainingSet(
        questions=_unit(np.asarray(questions, dtype=np.float32)),
        documents=_unit(documents),
        answers=np.asarray(answers, dtype=np.float32),
    )


def test_without_weights_the_vector_stays_as_it_is(monkeypatch):
    monkeypatch.setattr(adapter, "matrix", lambda: None)
    vector = _unit(np.arange(1, 5, dtype=np.float32))
    assert adapter.adapt(vector) is vector


def test_switched_off_the_vector_stays_as_it_is_until_switched_on_again():
    vector = _unit(np.arange(1, 513, dtype=np.float32))
    with adapter.switched_off():
        assert adapter.matrix() is None
        assert adapter.adapt(vector) is vector
    assert adapter.matrix() is not None
    assert adapter.adapt(vector) is not vector


def test_the_adapted_vector_has_unit_length_and_moves_by_the_weights():
    vector = _unit(np.array([1.0, 0.0, 0.0], dtype=np.float32))
    weights = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], dtype=np.float32)
    moved = adapter.adapt(vector, weights)
    assert np.linalg.norm(moved) == pytest.approx(1.0)
    assert moved == pytest.approx(_unit(np.array([1.0, 1.0, 0.0], dtype=np.float32)))


def test_training_learns_what_plain_cosine_misses_and_is_deterministic():
    data = _toy_set()
    zero = np.zeros((16, 16), dtype=np.float32)
    # Plain cosine puts the question-like text first for every question.
    assert adapter.mean_reciprocal_rank(data, zero) == pytest.approx(0.5)
    weights = adapter.train(data, steps=200)
    assert adapter.mean_reciprocal_rank(data, weights) == pytest.approx(1.0)
    assert np.array_equal(weights, adapter.train(data, steps=200))
    # Questions the adapter never saw, on the same topics, are answered too.
    unseen = _toy_set(seed=7)
    assert adapter.mean_reciprocal_rank(unseen, weights) == pytest.approx(1.0)


def test_a_question_without_an_answering_candidate_is_left_out_of_training():
    data = _toy_set()
    no_answers = TrainingSet(data.questions, data.documents, np.zeros_like(data.answers))
    assert not adapter.train(no_answers, steps=5).any()


def test_cross_validation_scores_each_fold_with_weights_learnt_on_the_others():
    score = adapter.cross_validated(_toy_set(), penalty=0.03)
    assert 0.5 < score <= 1.0


def test_the_shipped_weights_fit_the_encoder_and_stay_small():
    weights = adapter.matrix()
    assert weights is not None
    assert weights.shape == (embeddings.DIMENSIONS, embeddings.DIMENSIONS)
    assert weights.dtype == np.float32
    assert np.isfinite(weights).all()
    # The penalty keeps the map near the encoder's own (the identity's norm is ~22.6).
    assert 0.5 < float(np.linalg.norm(weights)) < 10.0


def test_the_confidence_rule_reads_the_plain_cosine_not_the_adapted_one():
    rows = _unit(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32))
    current = embeddings.Matrix(
        ids=np.array([10, 20]),
        kinds=np.zeros(2, dtype=np.int8),
        groups=np.zeros(2, dtype=np.int32),
        codes={},
        vectors=rows,
        stamp=("test", 0),
    )
    plain = _unit(np.array([0.3, 0.1, 1.0], dtype=np.float32))
    moved = _unit(np.array([1.0, 0.0, 0.1], dtype=np.float32))
    encoding = ranking.Encoded(vector=moved, matrix=current, plain=plain)
    candidates = [ranking.Ranked(10, float(rows[0] @ moved)), ranking.Ranked(20, 0.0)]
    assert candidates[0].score > 0.9
    assert ranking.plain_cosine(encoding, candidates) == pytest.approx(float(rows[0] @ plain))
    assert ranking.plain_cosine(encoding, []) == 0.0


def test_a_retrained_adapter_changes_the_fingerprint_of_remembered_suggestions(
    tmp_path, monkeypatch
):
    before = suggestions.code_fingerprint.__wrapped__()
    retrained = tmp_path / "query_adapter.npy"
    np.save(retrained, np.ones((2, 2), dtype=np.float16))
    monkeypatch.setattr(adapter, "ADAPTER_FILE", retrained)
    assert suggestions.code_fingerprint.__wrapped__() != before


def test_the_command_learns_from_the_development_set_and_writes_the_weights(tmp_path, monkeypatch):
    data = _toy_set()
    monkeypatch.setattr(
        "ikone.qa.management.commands.train_query_adapter.development_training_set",
        lambda: (data, ["faq 'Nicht hier'"]),
    )
    output = tmp_path / "adapter.npy"
    out, err = StringIO(), StringIO()
    call_command("train_query_adapter", output=str(output), stdout=out, stderr=err)
    written = np.load(output)
    assert written.shape == (16, 16) and written.dtype == np.float16
    assert "40 questions (40 with an answer in this database), 5 candidate" in out.getvalue()
    assert "answers not in this database (1): faq 'Nicht hier'" in err.getvalue()
    assert "training MRR 1.000" in out.getvalue()
    out = StringIO()
    call_command("train_query_adapter", "--cross-validate", stdout=out)
    assert "no adapter: MRR 0.500" in out.getvalue()
    assert out.getvalue().count("cross-validated MRR") == 5


def test_the_gradient_is_the_derivative_of_the_loss():
    rng = np.random.default_rng(3)
    data = TrainingSet(
        questions=_unit(rng.normal(size=(6, 5))).astype(np.float64),
        documents=_unit(rng.normal(size=(7, 5))).astype(np.float64),
        answers=(rng.random((6, 7)) < 0.3).astype(np.float64) + np.eye(6, 7),
    )
    weights = rng.normal(scale=0.1, size=(5, 5))
    _loss, gradient = adapter._loss_and_gradient(weights, data, 0.03)
    step = 1e-5
    numeric = np.zeros_like(weights)
    for index in np.ndindex(*weights.shape):
        up, down = weights.copy(), weights.copy()
        up[index] += step
        down[index] -= step
        numeric[index] = (
            adapter._loss_and_gradient(up, data, 0.03)[0]
            - adapter._loss_and_gradient(down, data, 0.03)[0]
        ) / (2 * step)
    assert gradient == pytest.approx(numeric, rel=1e-3, abs=1e-4)


def test_questions_are_ranked_with_the_adapter_and_trusted_by_the_plain_cosine(monkeypatch):
    """An adapter that sends a question about dog registration straight onto
    a passage on the funding rate puts that passage first, but the form does
    not show it as confident: the plain cosine stays low."""
    from ikone.core.search.audience import ANONYMOUS
    from ikone.core.search.embeddings import embed_documents
    from ikone.qa.retrieval.suggestions import SECTION_KINDS, ranked
    from tests.search.conftest import put

    passages = [
        put("call_passage", f"1:{number}", title, body, group="call:1", suggestible=True)
        for number, (title, body) in enumerate(
            [
                ("3.1 Förderquote", "Der Bund fördert 65 % der förderfähigen Ausgaben."),
                ("5.4 Fristen", "Die Bewerbung muss bis zur Einreichungsfrist eingereicht sein."),
            ],
            start=1,
        )
    ]
    embed_documents([passage.pk for passage in passages])
    text = "Wie melde ich meinen Hund beim Ordnungsamt an?"
    plain = embeddings.encode([text])[0].astype(np.float64)
    target = embeddings.encode(
        ["3.1 Förderquote\nDer Bund fördert 65 % der förderfähigen Ausgaben."]
    )[0]
    # q + qA = target for this question.
    onto = -np.eye(len(plain)) + np.outer(plain, target) / (plain @ plain)
    monkeypatch.setattr(adapter, "matrix", lambda: onto.astype(np.float32))

    encoding = ranking.encoded(text)
    assert encoding.plain == pytest.approx(plain.astype(np.float32))
    assert encoding.vector == pytest.approx(adapter.adapt(encoding.plain), abs=1e-5)
    result = ranked(text, audience=ANONYMOUS, kinds=SECTION_KINDS)
    assert result.ids[0] == passages[0].pk
    assert not result.confident
