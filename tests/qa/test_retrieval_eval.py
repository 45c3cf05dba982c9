"""The evaluation set and `ikone eval_retrieval` on the demo call: the
combined ranking must beat lexical ranking alone."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from ikone.core.search.embeddings import embed_missing
from ikone.core.search.index import rebuild
from ikone.qa.retrieval.evaluation import evaluate, load

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_calls(db):
    from ikone.accounts.demo import seed_demo_accounts
    from ikone.calls.demo import seed_demo_calls

    seed_demo_accounts(stdout=StringIO())
    seed_demo_calls(stdout=StringIO())
    rebuild(["call_section", "call_passage", "call_fact"])
    embed_missing()


def test_the_set_has_forty_questions_with_answers():
    data = load()
    assert len(data["questions"]) >= 40
    assert all(item["q"].strip() and item["sections"] for item in data["questions"])
    assert len({item["q"] for item in data["questions"]}) == len(data["questions"])


def test_combined_beats_lexical_on_the_demo_data(demo_calls):
    scores = {score.method: score for score in evaluate()}
    assert scores["combined"].mrr > scores["lexical"].mrr
    assert scores["combined"].recall_at_5 > scores["lexical"].recall_at_5
    assert scores["combined"].recall_at_5 >= 0.75


def test_command_prints_the_figures(demo_calls):
    out = StringIO()
    call_command("eval_retrieval", "--only", "dev", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Development set: ")
    assert lines[1].split() == ["ranking", "recall@1", "recall@5", "MRR"]
    assert [line.split()[0] for line in lines[2:5]] == ["lexical", "semantic", "combined"]
    over = next(
        i for i, line in enumerate(lines) if line.startswith("Development set over everything")
    )
    assert over == 5
    assert "counted as the test set" in lines[over]
    assert lines[over + 1].split() == ["ranking", "recall@1", "recall@5", "MRR"]
    rows = [line.split() for line in lines[over + 2 : over + 5]]
    assert [row[0] for row in rows] == ["lexical", "semantic", "combined"]
    assert all(0.0 <= float(value) <= 1.0 for row in rows for value in row[1:])
    assert lines[over + 5].startswith("unanswerable with a suggestion shown: ")


def test_over_everything_counts_the_sections_and_what_says_the_same(demo_calls):
    """Over everything, a development question counts at the first item that
    answers it: a named section of its call or an item it names as saying
    the same (an FAQ entry, a question, a fact); nothing else counts."""
    from ikone.qa.retrieval.blind import evaluate_development_everywhere

    data = load()
    scores = {score.method: score for score in evaluate_development_everywhere(data)[0]}
    assert scores["combined"].questions == len(data["questions"]) + len(data.get("everywhere", []))
    assert scores["combined"].recall_at_5 >= 0.5
    missing = {
        "call": data["call"],
        "questions": [{"q": item["q"], "sections": ["99.9"]} for item in data["questions"]],
    }
    assert all(score.recall_at_5 == 0.0 for score in evaluate_development_everywhere(missing)[0])
    # A fact sentence of the call named as an answer counts (demo_calls has no FAQ).
    by_fact = {
        "call": data["call"],
        "questions": [
            {
                "q": "Wie viel Prozent der Ausgaben fördert der Bund?",
                "sections": ["99.9"],
                "answers": [{"fact": [data["call"], ["Der Bund fördert 65 %"]]}],
            }
        ],
    }
    scores = {score.method: score for score in evaluate_development_everywhere(by_fact)[0]}
    assert scores["combined"].recall_at_5 == 1.0
