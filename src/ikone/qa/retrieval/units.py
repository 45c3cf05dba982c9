"""Answer units: a section answers once, however many of its passages match.

Ranking works on passages (a paragraph or list item of a call section);
the person sees sections. The best passage of a section stands for it and
the others are dropped, so five suggestions are five different answers.
"""

from __future__ import annotations

from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR
from ikone.qa.retrieval.ranking import Ranked
from ikone.qa.retrieval.understanding import Understood, satisfies

# Kinds whose object id names a call section ("<section pk>" or "<pk>:<n>").
SECTION_UNITS = ("call_section", "call_passage")
# Passages of an article or a solution answer once for their article or
# solution (object id "<pk>:<n>").
WHOLE_UNITS = {"article_passage": "article", "solution_passage": "solution"}
RERANKED = 60
# Tuned on the development set (docs/search.md), in units of the combined
# score (`ranking.combine`: about 0.5–0.7 for a good match).
WANTS_BONUS = 0.18
NAMED_CALL_FACTOR = 1.5
OTHER_CALL_FACTOR = 0.5
# A question naming no call prefers the open call's passages, FAQ entries
# and questions a little: earlier rounds repeat much of the text, word for
# word or nearly, and their copy must not stand for the answer.
CURRENT_CALL_FACTOR = 1.5


def unit_of(kind: str, object_id: str, document_id: int) -> str:
    if kind in SECTION_UNITS:
        return f"section:{object_id.partition(PASSAGE_SEPARATOR)[0]}"
    if kind in WHOLE_UNITS:
        return f"{WHOLE_UNITS[kind]}:{object_id.partition(PASSAGE_SEPARATOR)[0]}"
    return f"document:{document_id}"


def _adjusted(score: float, group: str, body: str, understood: Understood | None) -> float:
    if understood is None:
        return score
    if understood.wants and satisfies(understood.wants, body):
        score += WANTS_BONUS
    if understood.call_groups and group.startswith("call:"):
        score *= NAMED_CALL_FACTOR if group in understood.call_groups else OTHER_CALL_FACTOR
    elif group in understood.current_groups:
        score *= CURRENT_CALL_FACTOR
    return score


def rerank(fused: list[Ranked], understood: Understood | None) -> list[int]:
    """Fused candidates adjusted for what the question asks (an amount, a
    date, an actor; a named call), best first, one document per unit."""
    if not fused:
        return []
    candidates = fused[:RERANKED]
    rows = {
        pk: (unit_of(kind, object_id, pk), group, body)
        for pk, kind, object_id, group, body in SearchDocument.objects.filter(
            pk__in=[item.document_id for item in candidates]
        ).values_list("pk", "kind", "object_id", "group", "body")
    }
    scored = []
    for item in candidates:
        unit, group, body = rows.get(item.document_id, (f"document:{item.document_id}", "", ""))
        scored.append((_adjusted(item.score, group, body, understood), item.document_id, unit))
    scored.sort(key=lambda row: (-row[0], row[1]))
    seen: set[str] = set()
    kept = []
    for _score, pk, unit in scored:
        text = _same_text(rows.get(pk))
        if unit not in seen and text not in seen:
            seen.add(unit)
            if text:
                seen.add(text)
            kept.append(pk)
    return kept


def _same_text(row: tuple[str, str, str] | None) -> str:
    """A key shared by passages that say the same in several calls (the
    rounds of a programme repeat most of their text): the first of them
    stands for all, so five suggestions are five different answers."""
    if row is None:
        return ""
    unit, _group, body = row
    return f"text:{unit.partition(':')[0]}:{' '.join(body.split())}" if body.strip() else ""
