"""Answers above the site search's results for question-like queries
(issue 16, point 4): the same hybrid ranking as the suggestions (lexical +
semantic, fused, understood), over everything that can answer, shown only
when confident. A query that names a place ("Selbitz", "Wie groß ist
Kaiserslautern?") gets no answer block: the directory entry it looks for
leads the ordinary results.

Registered with core's search in `QaConfig.ready()`.
"""

from __future__ import annotations

from django.db.models import Q

from ikone.core.search.audience import Audience
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import AnswerHit
from ikone.core.search.text import tokens
from ikone.qa.retrieval.answers import answer_of
from ikone.qa.retrieval.suggestions import QUESTION_KINDS, SECTION_KINDS, ranked
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


def answers_for_search(audience: Audience, query: str) -> list[AnswerHit]:
    if not is_question(query) or names_place(query):
        return []
    result = ranked(query, audience=audience, kinds=(*QUESTION_KINDS, *SECTION_KINDS))
    if not result.confident:
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
