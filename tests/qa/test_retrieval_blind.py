"""The blind test set (qa/data/retrieval_test.yaml): its shape, that every
answer it names exists in the demo data, and the quality gate: the combined
ranking's recall@5 on it may not fall more than 0.03 below the figure
recorded in docs/search.md."""

from __future__ import annotations

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from ikone.core.search.embeddings import embed_missing
from ikone.qa.retrieval.blind import evaluate_test, evaluate_unanswerable, load_test
from tests.demo_world import seed_demo_world

SEARCH_DOC = Path(__file__).resolve().parents[2] / "docs" / "search.md"
# The lexical half ranks with each database's own full-text search, so the
# figure is recorded per database ("…, PostgreSQL" for PostgreSQL).
RECORDED = {
    "sqlite": re.compile(r"Testsatz-Recall@5 \(kombiniert\): \*\*(\d\.\d{3})\*\*"),
    "postgresql": re.compile(r"Testsatz-Recall@5 \(kombiniert, PostgreSQL\): \*\*(\d\.\d{3})\*\*"),
}
TOLERANCE = 0.03


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Demo calls and questions, indexed and embedded, once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo_world(events=False)
        embed_missing()
        yield
        transaction.set_rollback(True)


def test_the_set_is_dated_and_large_enough():
    data = load_test()
    assert isinstance(data["written"], datetime.date)
    assert len(data["questions"]) >= 80
    assert len(data["unanswerable"]) >= 20
    texts = [item["q"] for item in data["questions"]] + data["unanswerable"]
    assert len(set(texts)) == len(texts)
    assert all(item["answers"] for item in data["questions"])


def test_no_test_question_is_in_the_development_set():
    from ikone.qa.retrieval.evaluation import load

    development = {item["q"].casefold() for item in load()["questions"]}
    assert not [
        item["q"] for item in load_test()["questions"] if item["q"].casefold() in development
    ]


@pytest.fixture(scope="module")
def evaluated(demo_content, django_db_blocker):
    """The test set evaluated once for the module (it ranks 85 questions three ways)."""
    with django_db_blocker.unblock():
        return evaluate_test()


def test_every_named_section_faq_and_question_exists_in_the_demo_data(evaluated):
    _scores, targets = evaluated
    assert targets.unresolved == []


def test_combined_recall_at_5_stays_at_the_recorded_figure(evaluated):
    match = RECORDED[connection.vendor].search(SEARCH_DOC.read_text(encoding="utf-8"))
    assert match, "docs/search.md records the test-set recall@5 of the combined ranking"
    recorded = float(match.group(1))
    scores = {score.method: score for score in evaluated[0]}
    assert scores["combined"].recall_at_5 >= recorded - TOLERANCE, (
        f"Test-set recall@5 {scores['combined'].recall_at_5:.3f} fell below the recorded "
        f"{recorded:.3f} - {TOLERANCE}"
    )


def test_unanswerable_questions_are_counted_as_the_form_shows_them(demo_content, db):
    result = evaluate_unanswerable()
    assert result.questions == len(load_test()["unanswerable"])
    assert 0 <= result.shown <= result.questions


def test_the_command_reports_both_sets_separately(demo_content, db, tmp_path):
    small = tmp_path / "test.yaml"
    small.write_text(
        "written: 2026-12-04\n"
        "questions:\n"
        "  - q: 'Wer sitzt in der Jury?'\n"
        "    answers:\n"
        "      - section: [beispielaufruf-smarte-region, '6.3']\n"
        "      - section: [no-such-call, '1']\n"
        "unanswerable: ['Wie melde ich meinen Hund an?']\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("eval_retrieval", "--test-file", str(small), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Development set: 53 questions")
    test_start = lines.index(
        "Test set (written 2026-12-04, never tuned on): 1 answerable, 1 unanswerable"
    )
    assert lines[test_start + 1].split() == ["ranking", "recall@1", "recall@5", "MRR"]
    assert lines[test_start + 5].startswith("unanswerable with a suggestion shown: ")
    assert lines[test_start + 6] == "answers not in this database (1): section no-such-call 1"
