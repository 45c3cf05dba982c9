"""Recall@1, recall@5 and MRR of the three rankings over the development
set (qa/data/retrieval_eval.yaml), the set that weights may be tuned on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps

from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR
from ikone.qa.retrieval.suggestions import rank
from ikone.qa.retrieval.units import SECTION_UNITS

EVAL_FILE = Path(__file__).resolve().parent.parent / "data" / "retrieval_eval.yaml"
METHODS = ("lexical", "semantic", "combined")
CUTOFF = 5
# The development set names sections of one call: its passages are ranked
# (the blind test set ranks everything that can answer, facts included).
DEV_KINDS = ("call_passage",)


@dataclass(frozen=True)
class Scores:
    method: str
    mrr: float
    recall_at_5: float
    questions: int
    recall_at_1: float = 0.0


def load(path: Path = EVAL_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _section_documents(call_slug: str) -> tuple[str, dict[str, set[int]]]:
    """The call's group key and its current sections' document ids by number."""
    call_model = apps.get_model("calls", "Call")
    call = call_model.objects.get(slug=call_slug)
    section_model = apps.get_model("calls", "CallSection")
    numbers = dict(
        section_model.objects.filter(version_id=call.current_version_id).values_list(
            "pk", "number"
        )
    )
    documents = SearchDocument.objects.filter(
        kind__in=SECTION_UNITS, group=f"call:{call.pk}"
    ).values_list("pk", "object_id")
    by_number: dict[str, set[int]] = {}
    for pk, object_id in documents:
        section_pk = int(object_id.partition(PASSAGE_SEPARATOR)[0])
        if section_pk in numbers:
            by_number.setdefault(numbers[section_pk], set()).add(pk)
    return f"call:{call.pk}", by_number


def evaluate(data: dict[str, Any] | None = None) -> list[Scores]:
    data = data or load()
    group, by_number = _section_documents(data["call"])
    results = []
    for method in METHODS:
        reciprocal = 0.0
        recalled = 0.0
        first_hits = 0
        for item in data["questions"]:
            wanted = [by_number[number] for number in item["sections"] if number in by_number]
            ranked = rank(
                item["q"], audience=ANONYMOUS, kinds=DEV_KINDS, groups=(group,), method=method
            )
            answering: set[int] = set().union(*wanted)
            first = next((i for i, pk in enumerate(ranked, 1) if pk in answering), None)
            reciprocal += 1 / first if first else 0.0
            first_hits += first == 1
            top = set(ranked[:CUTOFF])
            found = sum(1 for documents in wanted if documents & top)
            recalled += found / len(wanted) if wanted else 0.0
        count = len(data["questions"])
        results.append(
            Scores(method, reciprocal / count, recalled / count, count, first_hits / count)
        )
    return results
