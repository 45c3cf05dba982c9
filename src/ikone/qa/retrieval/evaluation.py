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
from ikone.qa.retrieval.suggestions import SECTION_KINDS, rank

EVAL_FILE = Path(__file__).resolve().parent.parent / "data" / "retrieval_eval.yaml"
METHODS = ("lexical", "semantic", "combined")
CUTOFF = 5


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


def _section_documents(call_slug: str) -> tuple[str, dict[str, int]]:
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
        kind="call_section", object_id__in=[str(pk) for pk in numbers]
    ).values_list("pk", "object_id")
    return f"call:{call.pk}", {numbers[int(object_id)]: pk for pk, object_id in documents}


def evaluate(data: dict[str, Any] | None = None) -> list[Scores]:
    data = data or load()
    group, by_number = _section_documents(data["call"])
    results = []
    for method in METHODS:
        reciprocal = 0.0
        recalled = 0.0
        first_hits = 0
        for item in data["questions"]:
            wanted = {by_number[number] for number in item["sections"] if number in by_number}
            ranked = rank(
                item["q"], audience=ANONYMOUS, kinds=SECTION_KINDS, groups=(group,), method=method
            )
            first = next((i for i, pk in enumerate(ranked, 1) if pk in wanted), None)
            reciprocal += 1 / first if first else 0.0
            first_hits += first == 1
            recalled += len(wanted & set(ranked[:CUTOFF])) / len(wanted) if wanted else 0.0
        count = len(data["questions"])
        results.append(
            Scores(method, reciprocal / count, recalled / count, count, first_hits / count)
        )
    return results
