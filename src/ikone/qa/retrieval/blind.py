"""The blind test set (qa/data/retrieval_test.yaml): how well the
interpretation help finds content it was never tuned on, and how often it
shows a suggestion for a question nothing in the platform answers.

Unlike the development set, which ranks the sections of one call, the test
ranks everything that can answer a question (call sections of every call,
FAQ entries, answered questions) as one list, as a person asking without
choosing a call would need it. A question counts at the rank of the first
item that answers it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from django.apps import apps

from ikone.core.search import embeddings
from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR
from ikone.core.text import fold
from ikone.qa.retrieval.adapter import TrainingSet
from ikone.qa.retrieval.evaluation import METHODS, load
from ikone.qa.retrieval.suggestions import QUESTION_KINDS, SECTION_KINDS, rank, suggest
from ikone.qa.retrieval.units import SECTION_UNITS

TEST_FILE = Path(__file__).resolve().parent.parent / "data" / "retrieval_test.yaml"
# The held-out development set: the test set's form, written from the demo
# content on 2026-12-06, checked when a ranking change is to be kept and
# never tuned on (docs/search.md).
HOLDOUT_FILE = TEST_FILE.with_name("retrieval_holdout.yaml")
ANSWER_KINDS = (*QUESTION_KINDS, *SECTION_KINDS)
RANKED = 50


@dataclass(frozen=True)
class TestScores:
    method: str
    recall_at_1: float
    recall_at_5: float
    mrr: float
    questions: int


@dataclass(frozen=True)
class Unanswerable:
    shown: int
    questions: int

    @property
    def rate(self) -> float:
        return self.shown / self.questions if self.questions else 0.0


def load_test(path: Path = TEST_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


# A document (id, group, folded text) → whether it answers.
Matcher = Callable[[int, str, str], bool]


class Targets:
    """Resolves the test file's answers to search documents of this database."""

    def __init__(self) -> None:
        call_model = apps.get_model("calls", "Call")
        section_model = apps.get_model("calls", "CallSection")
        calls = {
            slug: (pk, version)
            for pk, slug, version in call_model.objects.values_list(
                "pk", "slug", "current_version_id"
            )
        }
        self.group_of_call = {slug: f"call:{pk}" for slug, (pk, _v) in calls.items()}
        version_to_slug = {version: slug for slug, (_pk, version) in calls.items()}
        section_ids = {
            (version_to_slug[version], number): pk
            for pk, version, number in section_model.objects.filter(
                version_id__in=version_to_slug
            ).values_list("pk", "version_id", "number")
        }
        documents = SearchDocument.objects.filter(
            kind__in=(*ANSWER_KINDS, *SECTION_UNITS)
        ).values_list("pk", "kind", "object_id", "title")
        # A section answers through its own document or any of its passages.
        by_section: dict[int, set[int]] = {}
        self.by_title: dict[tuple[str, str], set[int]] = {}
        for pk, kind, object_id, title in documents:
            if kind in SECTION_UNITS:
                section_pk = int(object_id.partition(PASSAGE_SEPARATOR)[0])
                by_section.setdefault(section_pk, set()).add(pk)
            else:
                self.by_title.setdefault((kind, title), set()).add(pk)
        self.section_documents = {
            key: by_section[pk] for key, pk in section_ids.items() if pk in by_section
        }
        self.unresolved: list[str] = []

    def matcher(self, answer: dict[str, Any]) -> Matcher:
        if "section" in answer:
            slug, number = answer["section"]
            wanted = self.section_documents.get((slug, str(number)), set())
            if not wanted:
                self.unresolved.append(f"section {slug} {number}")
            return lambda pk, group, text: pk in wanted
        if "faq" in answer or "question" in answer:
            kind = "faq" if "faq" in answer else "question"
            ids = self.by_title.get((kind, answer[kind]), set())
            if not ids:
                self.unresolved.append(f"{kind} {answer[kind]!r}")
            return lambda pk, group, text: pk in ids
        slug, needles = answer["fact"]
        group = None if slug == "*" else self.group_of_call.get(slug, f"missing:{slug}")
        folded = [fold(needle) for needle in needles]
        return lambda pk, doc_group, text: (
            (group is None or doc_group == group) and any(needle in text for needle in folded)
        )


def _first_rank(ranked: list[int], documents: dict[int, tuple[str, str]], matchers) -> int | None:
    for position, pk in enumerate(ranked, start=1):
        group, text = documents[pk]
        if any(match(pk, group, text) for match in matchers):
            return position
    return None


def _visible_answers() -> dict[int, tuple[str, str]]:
    """What a visitor may be shown among the kinds that answer: id → (group, folded text)."""
    visible = SearchDocument.objects.filter(ANONYMOUS.q(), kind__in=ANSWER_KINDS, suggestible=True)
    return {
        pk: (group, fold(f"{title} {body}"))
        for pk, group, title, body in visible.values_list("pk", "group", "title", "body")
    }


def score_over_everything(
    questions: list[str], matchers: list[list[Matcher]], *, only: list[bool] | None = None
) -> list[TestScores]:
    """Each ranking's recall@1, recall@5 and MRR when every question is ranked
    over everything that can answer (all calls, facts, FAQ entries, answered
    questions), counting a question at the rank of its first answering item
    (`only`: of the questions marked True)."""
    documents = _visible_answers()
    chosen = [
        (text, item_matchers)
        for index, (text, item_matchers) in enumerate(zip(questions, matchers, strict=True))
        if only is None or only[index]
    ]
    results = []
    for method in METHODS:
        ranks = []
        for text, item_matchers in chosen:
            ranked = [
                pk
                for pk in rank(text, audience=ANONYMOUS, kinds=ANSWER_KINDS, method=method)
                if pk in documents
            ][:RANKED]
            ranks.append(_first_rank(ranked, documents, item_matchers))
        count = len(ranks) or 1
        results.append(
            TestScores(
                method=method,
                recall_at_1=sum(1 for r in ranks if r == 1) / count,
                recall_at_5=sum(1 for r in ranks if r is not None and r <= 5) / count,
                mrr=sum(1 / r for r in ranks if r) / count,
                questions=len(ranks),
            )
        )
    return results


def answered_by(item_matchers: list[Matcher], documents: dict[int, tuple[str, str]]) -> set[int]:
    """The documents (id → group, folded text) that answer a question."""
    return {
        pk
        for pk, (group, text) in documents.items()
        if any(match(pk, group, text) for match in item_matchers)
    }


def _answer_matchers(data: dict[str, Any], targets: Targets) -> list[list[Matcher]]:
    """Each question's answers of a set in the test set's form."""
    return [[targets.matcher(answer) for answer in item["answers"]] for item in data["questions"]]


def evaluate_unlike_training(
    data: dict[str, Any], development: dict[str, Any]
) -> list[TestScores]:
    """As `evaluate_test`, for the questions none of whose answering items
    answers a development question: whether what the query adapter learnt
    (ADR 0010) helps beyond a preference for the documents it was shown."""
    targets = Targets()
    documents = _visible_answers()
    trained = set().union(
        *(answered_by(item, documents) for item in development_matchers(development, targets))
    )
    matchers = _answer_matchers(data, targets)
    only = [not (answered_by(item, documents) & trained) for item in matchers]
    questions = [item["q"] for item in data["questions"]]
    return score_over_everything(questions, matchers, only=only)


def evaluate_test(data: dict[str, Any] | None = None) -> tuple[list[TestScores], Targets]:
    """Recall@1, recall@5 and MRR of each ranking over the answerable questions."""
    data = data or load_test()
    targets = Targets()
    questions = [item["q"] for item in data["questions"]]
    return score_over_everything(questions, _answer_matchers(data, targets)), targets


def development_matchers(data: dict[str, Any], targets: Targets) -> list[list[Matcher]]:
    """What answers each development question over everything: the named
    sections of its call (the current version) and the items it names as
    saying the same (`answers`: FAQ entries, answered questions, facts of
    the call data, in the test set's form), then the questions that are
    ranked only over everything (`everywhere`, answers in the same form)."""
    call = data["call"]
    matchers = [
        [targets.matcher({"section": [call, number]}) for number in item["sections"]]
        + [targets.matcher(answer) for answer in item.get("answers", [])]
        for item in data["questions"]
    ]
    matchers += [
        [targets.matcher(answer) for answer in item["answers"]]
        for item in data.get("everywhere", [])
    ]
    return matchers


def development_questions(data: dict[str, Any]) -> list[str]:
    """The development questions ranked over everything, in `development_matchers` order."""
    return [item["q"] for item in (*data["questions"], *data.get("everywhere", []))]


def evaluate_development_everywhere(
    data: dict[str, Any] | None = None,
) -> tuple[list[TestScores], Targets]:
    """The development set in the test set's setting: its questions ranked
    over everything that can answer, not within their call, each counted at
    the rank of the first item that answers it, as the test set counts."""
    data = data or load()
    targets = Targets()
    matchers = development_matchers(data, targets)
    return score_over_everything(development_questions(data), matchers), targets


def evaluate_unanswerable(data: dict[str, Any] | None = None) -> Unanswerable:
    """How many unanswerable questions get a suggestion shown, exactly as the
    question form would show it to a visitor (the test set's, or the
    development set's when given that)."""
    data = data or load_test()
    questions = data.get("unanswerable", [])
    shown = sum(1 for text in questions if suggest(audience=ANONYMOUS, title=text))
    return Unanswerable(shown=shown, questions=len(questions))


def development_training_set(
    data: dict[str, Any] | None = None,
) -> tuple[TrainingSet, list[str]]:
    """The development set as the query adapter learns from it: each
    question's plain sentence vector, the stored vectors of everything a
    visitor may be shown that can answer, and which of those answer which
    question (as `evaluate_development_everywhere` counts them); and the
    answers this database does not have (`Targets.unresolved`)."""
    data = data or load()
    targets = Targets()
    matchers = development_matchers(data, targets)
    documents = _visible_answers()
    current = embeddings.matrix()
    rows = [index for index, pk in enumerate(current.ids) if int(pk) in documents]
    ids = [int(current.ids[index]) for index in rows]
    answering = [answered_by(item, documents) for item in matchers]
    answers = np.array([[pk in item for pk in ids] for item in answering], dtype=np.float32)
    training = TrainingSet(
        questions=embeddings.encode(development_questions(data)),
        documents=np.asarray(current.vectors[rows], dtype=np.float32),
        answers=answers,
    )
    return training, targets.unresolved
