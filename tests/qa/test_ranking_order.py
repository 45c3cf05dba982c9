"""The order of the suggestions (issue 16): the topic words weighed by
their rarity, a candidate naming the whole topic, scores combined rather
than ranks, and each lexical candidate with its own cosine."""

from __future__ import annotations

import pytest

from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.embeddings import embed_documents
from ikone.qa.retrieval import ranking
from ikone.qa.retrieval.suggestions import SECTION_KINDS, ranked
from ikone.qa.retrieval.understanding import understand
from ikone.qa.retrieval.units import coverage, rerank
from tests.search.conftest import put

pytestmark = pytest.mark.django_db


def test_coverage_weighs_the_topic_words_by_their_rarity_among_the_candidates():
    both = frozenset({"grundstuck", "kauf", "forder"})
    common = frozenset({"forder", "projektbeschreib"})
    plan = frozenset({"projektplan"})
    nothing = frozenset({"frist"})
    shares = coverage(["grundstuck", "projekt", "forder"], [both, common, plan, nothing])
    # "projekt" matches as the start of "projektbeschreib", as the full-text
    # search does, but two candidates have it and one has "grundstuck".
    assert shares[3] == 0.0
    assert shares[0] > shares[1] > shares[2] > 0.0
    assert coverage([], [both]) == [0.0]


def test_a_candidate_naming_the_whole_topic_beats_a_short_text_sharing_one_word():
    """BM25 favours a short question that shares one word ("Projekt" in
    "Projektbeschreibung"); the passage that speaks of everything the
    question names comes first when the scores are close."""
    short = put(
        "question",
        "1",
        "Wie lang darf die Projektbeschreibung sein?",
        "Höchstens 15 Seiten.",
        group="call:1",
        suggestible=True,
    )
    answer = put(
        "call_passage",
        "1:1",
        "3.5 Nicht förderfähige Ausgaben",
        "Nicht gefördert werden: der Kauf von Grundstücken für das Projekt.",
        group="call:1",
        suggestible=True,
    )
    fused = [ranking.Ranked(short.pk, 0.45), ranking.Ranked(answer.pk, 0.4)]
    question = understand("Können wir ein Grundstück für das Projekt kaufen?")
    assert rerank(fused, None) == [short.pk, answer.pk]
    assert rerank(fused, question) == [answer.pk, short.pk]


def test_the_order_combines_the_scores_not_the_ranks():
    """A candidate far ahead in meaning beats one ahead in words only, and
    copies of one text (earlier rounds repeat paragraphs) share one score
    instead of taking several ranks."""
    lexical = [ranking.Ranked(1, 10.0), ranking.Ranked(2, 10.0), ranking.Ranked(3, 1.0)]
    semantic = [ranking.Ranked(3, 0.8), ranking.Ranked(1, 0.3), ranking.Ranked(2, 0.3)]
    ordered = ranking.combine(lexical, semantic, share=0.3)
    assert [item.document_id for item in ordered] == [3, 1, 2]
    assert ordered[1].score == pytest.approx(ordered[2].score)
    assert ordered[0].score == pytest.approx(0.3 * 0.1 + 0.7 * 0.8)
    assert [item.document_id for item in ranking.combine([], semantic)] == [3, 1, 2]


def test_a_lexical_candidate_outside_the_semantic_list_keeps_its_cosine(monkeypatch):
    """The semantic list holds only the best 50; a lexical candidate it left
    out is ordered with its own cosine from the stored matrix, not with 0."""
    words = put(
        "call_passage",
        "1:1",
        "Förderquote Sperrmüll",
        "Förderquote: Sperrmüll, Altkleider und Grünschnitt holt der Bauhof montags im Ortsteil ab.",
        group="call:1",
        suggestible=True,
    )
    meaning = put(
        "call_passage",
        "2:1",
        "3.1 Zuschuss",
        "Der Bund übernimmt 65 Prozent der förderfähigen Ausgaben als Förderquote.",
        group="call:1",
        suggestible=True,
    )
    for number, topic in enumerate(("Jury", "Ratsbeschluss", "Open Source", "Berichte"), 3):
        put("faq", number, topic, f"{topic} im Aufruf.", group="call:1", suggestible=True)
    embed_documents([words.pk, meaning.pk])
    question = "Wie hoch ist die Förderquote?"
    encoding = ranking.encoded(question)
    cosine = {
        item.document_id: item.score for item in ranking.cosines(encoding, [words.pk, meaning.pk])
    }
    assert cosine[meaning.pk] == pytest.approx(
        float(
            encoding.matrix.vectors[list(encoding.matrix.ids).index(meaning.pk)] @ encoding.vector
        )
    )
    assert cosine[meaning.pk] > cosine[words.pk]
    lexical = ranking.lexical(question, audience=ANONYMOUS, kinds=SECTION_KINDS)
    assert [item.document_id for item in lexical][0] == words.pk
    monkeypatch.setattr(ranking, "semantic", lambda *args, **kwargs: [])
    ids = ranked(question, audience=ANONYMOUS, kinds=SECTION_KINDS, encoding=encoding).ids
    assert ids == [meaning.pk, words.pk]
    assert ranking.cosines(encoding, []) == []
