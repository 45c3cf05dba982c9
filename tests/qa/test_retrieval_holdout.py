"""The held-out development set (qa/data/retrieval_holdout.yaml): its shape,
that it shares no question with the development or the blind test set, that
every answer it names exists in the demo data, and that `eval_retrieval`
reports it only on request. No test asserts its figures: it is checked by
hand before a ranking change is kept (docs/search.md)."""

from __future__ import annotations

import datetime
from io import StringIO

from django.core.management import call_command

from ikone.core.text import fold
from ikone.qa.retrieval.blind import (
    HOLDOUT_FILE,
    TEST_FILE,
    Targets,
    Unanswerable,
    _visible_answers,
    load_test,
)
from ikone.qa.retrieval.evaluation import load
from tests.qa.test_retrieval_blind import demo_content  # noqa: F401 (a fixture)


def _holdout() -> dict:
    return load_test(HOLDOUT_FILE)


def test_the_set_is_dated_and_large_enough():
    data = _holdout()
    assert isinstance(data["written"], datetime.date)
    assert len(data["questions"]) >= 60
    assert len(data["unanswerable"]) >= 15
    texts = [fold(item["q"]) for item in data["questions"]] + [
        fold(text) for text in data["unanswerable"]
    ]
    assert len(set(texts)) == len(texts)
    assert all(item["answers"] for item in data["questions"])


def _texts(data: dict, *blocks: str) -> set[str]:
    texts: set[str] = set()
    for block in blocks:
        for item in data.get(block, []):
            texts.add(fold(item["q"] if isinstance(item, dict) else item))
    return texts


def _holdout_texts() -> list[str]:
    return [item["q"] for item in _holdout()["questions"]] + _holdout()["unanswerable"]


def test_no_holdout_question_is_in_the_development_set():
    development = _texts(load(), "questions", "everywhere", "unanswerable")
    shared = [text for text in _holdout_texts() if fold(text) in development]
    assert shared == []


def test_no_holdout_question_is_in_the_test_set():
    # Compared at runtime only: the test set is not read by the people who
    # write the held-out set, and only holdout texts are ever shown here.
    blind = _texts(load_test(TEST_FILE), "questions", "unanswerable")
    shared = [text for text in _holdout_texts() if fold(text) in blind]
    assert shared == []


def test_every_answer_exists_in_the_demo_data(demo_content, db):  # noqa: F811
    targets = Targets()
    visible = _visible_answers()
    missing = []
    for item in _holdout()["questions"]:
        for answer in item["answers"]:
            matcher = targets.matcher(answer)
            # A named answer must be something a visitor can be shown.
            if not any(matcher(pk, group, text) for pk, (group, text) in visible.items()):
                missing.append(f"{item['q']}: {answer}")
    assert targets.unresolved == []
    assert missing == []


def _write_sets(tmp_path):
    development = tmp_path / "dev.yaml"
    development.write_text(
        "call: beispielaufruf-smarte-region\n"
        "questions:\n"
        "  - q: 'Wer sitzt in der Jury?'\n"
        "    sections: ['6.3']\n",
        encoding="utf-8",
    )
    small = (
        "written: 2026-12-06\n"
        "questions:\n"
        "  - q: 'Wer sitzt in der Jury?'\n"
        "    answers:\n"
        "      - section: [beispielaufruf-smarte-region, '6.3']\n"
        "      - faq: 'Gibt es nicht'\n"
        "unanswerable: ['Wie melde ich meinen Hund an?']\n"
    )
    test = tmp_path / "test.yaml"
    test.write_text(small, encoding="utf-8")
    holdout = tmp_path / "holdout.yaml"
    holdout.write_text(small, encoding="utf-8")
    return development, test, holdout


def test_the_command_reports_the_holdout_set_only_on_request(
    demo_content,  # noqa: F811
    db,
    tmp_path,
):
    development, test, holdout = _write_sets(tmp_path)
    files = ["--file", str(development), "--test-file", str(test)]
    files += ["--holdout-file", str(holdout)]

    out = StringIO()
    call_command("eval_retrieval", *files, "--only", "holdout", stdout=out)
    lines = out.getvalue().splitlines()
    start = lines.index(
        "Held-out development set (written 2026-12-06, checked, not tuned on): "
        "1 answerable, 1 unanswerable"
    )
    assert lines[start + 1].split() == ["ranking", "recall@1", "recall@5", "MRR"]
    assert [line.split()[0] for line in lines[start + 2 : start + 5]] == [
        "lexical",
        "semantic",
        "combined",
    ]
    assert lines[start + 5].startswith("unanswerable with a suggestion shown: ")
    assert lines[start + 6] == "answers not in this database (1): faq 'Gibt es nicht'"
    # The one question's answer (6.3) answers a development question too.
    assert lines[start + 7].startswith("Of these, the 0 whose answers answer no development")
    assert not any(line.startswith(("Development set", "Test set")) for line in lines)

    out = StringIO()
    call_command("eval_retrieval", *files, stdout=out)
    report = out.getvalue()
    assert "Development set: 1 questions" in report
    assert "Test set (written 2026-12-06, never tuned on)" in report
    assert "Held-out" not in report


def test_the_command_ranks_without_the_adapter_on_request(
    demo_content,  # noqa: F811
    db,
    tmp_path,
    monkeypatch,
):
    from ikone.qa.retrieval import adapter

    seen = []
    monkeypatch.setattr(
        "ikone.qa.management.commands.eval_retrieval.evaluate_unanswerable",
        lambda data: seen.append(adapter.matrix()) or Unanswerable(shown=0, questions=0),
    )
    development, test, holdout = _write_sets(tmp_path)
    files = ["--file", str(development), "--test-file", str(test), "--only", "test"]
    call_command("eval_retrieval", *files, "--no-adapter", stdout=StringIO())
    call_command("eval_retrieval", *files, stdout=StringIO())
    assert seen[0] is None
    assert seen[1] is not None


def test_questions_whose_answers_answer_no_development_question_are_reported_apart(
    demo_content,  # noqa: F811
    db,
    tmp_path,
):
    development, _test, _holdout_file = _write_sets(tmp_path)
    holdout = tmp_path / "unlike.yaml"
    holdout.write_text(
        "written: 2026-12-06\n"
        "questions:\n"
        "  - q: 'Wer sitzt in der Jury?'\n"
        "    answers:\n"
        "      - section: [beispielaufruf-smarte-region, '6.3']\n"
        "  - q: 'Wie viel Prozent fördert der Bund?'\n"
        "    answers:\n"
        "      - section: [beispielaufruf-smarte-region, '3.1']\n"
        "unanswerable: []\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command(
        "eval_retrieval",
        "--file",
        str(development),
        "--holdout-file",
        str(holdout),
        "--only",
        "holdout",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Of these, the "))
    # Only the Förderquote question: 6.3 answers the development question.
    assert lines[start].startswith("Of these, the 1 whose answers answer no development")
    rows = {line.split()[0]: line.split()[1:] for line in lines[start + 2 : start + 5]}
    assert set(rows) == {"lexical", "semantic", "combined"}
    assert all(len(values) == 3 for values in rows.values())
