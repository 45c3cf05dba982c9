"""Answer units: a section answers once, however many of its passages match.

Ranking works on passages (a paragraph or list item of a call section);
the person sees sections. The best passage of a section stands for it and
the others are dropped, so five suggestions are five different answers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR
from ikone.qa.retrieval.ranking import Ranked
from ikone.qa.retrieval.understanding import Understood, satisfies, topic_words

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
# A candidate that contains the words naming the question's topic gains up
# to COVERAGE_BONUS: the share of those words it contains (as the full-text
# search matches: the stem or the start of a longer one), each weighted by
# how rare it is among the candidates. BM25 rewards a short text for one
# word ("Wie lang darf die Projektbeschreibung sein?" for "Projekt"), the
# cosine a text for sounding like a question; neither asks whether the
# candidate speaks of everything the question names. Tuned on the
# development set over everything (docs/search.md).
COVERAGE_BONUS = 0.2
MIN_PREFIX = 4


def unit_of(kind: str, object_id: str, document_id: int) -> str:
    if kind in SECTION_UNITS:
        return f"section:{object_id.partition(PASSAGE_SEPARATOR)[0]}"
    if kind in WHOLE_UNITS:
        return f"{WHOLE_UNITS[kind]}:{object_id.partition(PASSAGE_SEPARATOR)[0]}"
    return f"document:{document_id}"


def _contains(found: frozenset[str], word: str) -> bool:
    """As the full-text search matches: the stem, or the start of a longer one."""
    return word in found or (
        len(word) >= MIN_PREFIX and any(token.startswith(word) for token in found)
    )


def coverage(words: Sequence[str], candidates: Sequence[frozenset[str]]) -> list[float]:
    """For each candidate (its stems) the share of the topic words it
    contains, each word weighted by its rarity among the candidates
    (log(1 + n / (1 + candidates containing it))): a word every candidate
    has ("Förderung") says little about which one answers."""
    if not words or not candidates:
        return [0.0] * len(candidates)
    contains = [[_contains(found, word) for word in words] for found in candidates]
    count = len(candidates)
    weights = [
        math.log(1 + count / (1 + sum(1 for row in contains if row[index])))
        for index in range(len(words))
    ]
    total = sum(weights)
    return [sum(w for w, has in zip(weights, row, strict=True) if has) / total for row in contains]


def _adjusted(
    score: float, group: str, body: str, understood: Understood | None, covered: float = 0.0
) -> float:
    if understood is None:
        return score
    score += COVERAGE_BONUS * covered
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
    return reranked(fused, understood)[0]


def reranked(
    fused: list[Ranked], understood: Understood | None
) -> tuple[list[int], dict[int, frozenset[str]]]:
    """As `rerank`, and the stems of the candidates it read (title and body),
    which the confidence rules ask about the best one (no second query)."""
    if not fused:
        return [], {}
    candidates = fused[:RERANKED]
    rows = {}
    stems: dict[int, frozenset[str]] = {}
    for pk, kind, object_id, group, body, title_stems, body_stems in SearchDocument.objects.filter(
        pk__in=[item.document_id for item in candidates]
    ).values_list("pk", "kind", "object_id", "group", "body", "stemmed_title", "stemmed_body"):
        rows[pk] = (unit_of(kind, object_id, pk), group, body)
        stems[pk] = frozenset(f"{title_stems} {body_stems}".split())
    words = topic_words(understood.text) if understood is not None else []
    covered = coverage(words, [stems.get(item.document_id, frozenset()) for item in candidates])
    scored = []
    for item, share in zip(candidates, covered, strict=True):
        unit, group, body = rows.get(item.document_id, (f"document:{item.document_id}", "", ""))
        scored.append(
            (_adjusted(item.score, group, body, understood, share), item.document_id, unit)
        )
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
    return kept, stems


def _same_text(row: tuple[str, str, str] | None) -> str:
    """A key shared by passages that say the same in several calls (the
    rounds of a programme repeat most of their text): the first of them
    stands for all, so five suggestions are five different answers."""
    if row is None:
        return ""
    unit, _group, body = row
    return f"text:{unit.partition(':')[0]}:{' '.join(body.split())}" if body.strip() else ""
