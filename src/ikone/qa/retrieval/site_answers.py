"""Answers above the site search's results for question-like queries
(issue 16, point 4): the same hybrid ranking as the suggestions (lexical +
semantic, fused, understood), over everything that can answer, shown only
when confident. A query that names a place ("Selbitz", "Wie groß ist
Kaiserslautern?") gets no answer block: the directory entry it looks for
leads the ordinary results.

Registered with core's search in `QaConfig.ready()`.
"""

from __future__ import annotations

import threading
import time

from django.db.models import Q

from ikone.core.search.audience import Audience
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import AnswerHit
from ikone.core.search.text import tokens
from ikone.qa.retrieval.answers import answer_of
from ikone.qa.retrieval.suggestions import (
    KNOWLEDGE_KINDS,
    QUESTION_KINDS,
    SECTION_KINDS,
    Ranking,
    ranked,
)
from ikone.qa.retrieval.understanding import understand

ANSWERS = 3
QUESTION_WORDS = frozenset(
    [
        "wie",
        "was",
        "wann",
        "wer",
        "wo",
        "welche",
        "welcher",
        "welches",
        "wieviel",
        "wieviele",
        "gibt",
        "kann",
        "konnen",
        "können",
        "darf",
        "durfen",
        "dürfen",
        "muss",
        "mussen",
        "müssen",
        "bis",
        "ab",
        "sind",
        "ist",
        "zahlt",
        "zählt",
        "bekommen",
        "bekommt",
        "werden",
        "wird",
        "reicht",
        "reichen",
        "brauchen",
        "braucht",
        "warum",
        "wozu",
    ]
)
MIN_WORDS = 3
PLACE_DIRECTORY = ("municipality",)
ANSWER_KINDS = (*QUESTION_KINDS, *SECTION_KINDS, *KNOWLEDGE_KINDS)
# The list and the answers of one search rank the same query: the site
# search asks the ranker first, which leaves its ranking for the answerer
# of the same thread to take (once, and only moments later).
_REUSE_SECONDS = 2.0
_handover = threading.local()


def is_question(query: str) -> bool:
    words = tokens(query)
    if len(words) < MIN_WORDS:
        return False
    return "?" in query or words[0].lower() in QUESTION_WORDS or len(words) >= MIN_WORDS + 2


def names_place(query: str) -> bool:
    """Whether a capitalised word of the query is the name of a
    municipality ("Selbitz" in "Wie groß ist Selbitz?"; "selbst" is not)."""
    names = [word for word in tokens(query) if word[:1].isupper() and len(word) >= 3]
    if not names:
        return False
    condition = Q()
    for name in names:
        condition |= Q(title=name) | Q(title__startswith=f"{name},")
    return SearchDocument.objects.filter(condition, kind__in=PLACE_DIRECTORY).exists()


def _hybrid(audience: Audience, query: str, *, hand_over: bool) -> Ranking | None:
    """The hybrid ranking of a question-like query that names no place
    (None otherwise); `hand_over` leaves it for the answerer of the same
    search, which otherwise takes a ranking left for it."""
    key = (audience, query)
    left = getattr(_handover, "ranking", None)
    _handover.ranking = None
    if left is not None and left[1] == key and time.monotonic() - left[0] < _REUSE_SECONDS:
        return left[2]
    if not is_question(query) or names_place(query):
        return None
    result = ranked(query, audience=audience, kinds=ANSWER_KINDS)
    if hand_over:
        _handover.ranking = (time.monotonic(), key, result)
    return result


def rank_for_search(audience: Audience, query: str) -> list[int] | None:
    """The site search's list order for a question-like query (registered
    as core's "Search ranker"): the same hybrid ranking as the suggestions,
    semantic candidates from cosine 0.2 on as there (the answers above the
    list need the stricter confidence rule)."""
    result = _hybrid(audience, query, hand_over=True)
    return None if result is None else result.ids


def answers_for_search(audience: Audience, query: str) -> list[AnswerHit]:
    result = _hybrid(audience, query, hand_over=False)
    if result is None or not result.confident:
        return []
    top = result.ids[: ANSWERS * 4]
    documents = {
        doc.pk: doc
        for doc in SearchDocument.objects.filter(audience.q(), pk__in=top, suggestible=True).only(
            "pk", "kind", "title", "body", "url", "context"
        )
    }
    terms = list(understand(query).terms)
    hits = []
    for pk in top:
        doc = documents.get(pk)
        if doc is None:
            continue
        answer = answer_of(doc.kind, doc.title, doc.body, terms)
        hits.append(
            AnswerHit(
                kind=doc.kind,
                title=doc.title,
                source=answer.source or doc.title,
                context=doc.context or "",
                sentence=answer.sentence,
                url=doc.url,
            )
        )
        if len(hits) == ANSWERS:
            break
    return hits
