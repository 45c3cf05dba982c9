"""Suggestions for a question being typed: up to five answered questions or
FAQ entries and up to three sections of the call that probably answer it,
only what the person may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from ikone.core.search.audience import Audience
from ikone.core.search.models import SearchDocument
from ikone.core.search.text import Snippet, query_terms, snippet
from ikone.qa.retrieval import ranking

QUESTION_KINDS = ("faq", "question")
SECTION_KINDS = ("call_section",)
MAX_QUESTIONS = 5
MAX_SECTIONS = 3
# Below this cosine a semantic neighbour without a shared word is noise.
MIN_SIMILARITY = 0.2
MIN_LENGTH = 8


@dataclass(frozen=True)
class Suggestion:
    document_id: int
    kind: str
    title: str
    url: str
    snippet: Snippet


@dataclass
class Suggestions:
    questions: list[Suggestion] = field(default_factory=list)
    sections: list[Suggestion] = field(default_factory=list)
    searched: bool = False

    def __bool__(self) -> bool:
        return bool(self.questions or self.sections)


def rank(
    text: str,
    *,
    audience: Audience,
    kinds: tuple[str, ...],
    groups: tuple[str, ...] = (),
    method: str = "combined",
    encoding: ranking.Encoded | None = None,
) -> list[int]:
    """Document ids best first, by "lexical", "semantic" or "combined"
    (visibility of semantic candidates is checked by the caller)."""
    lexical = (
        ranking.lexical(text, audience=audience, kinds=kinds, groups=groups)
        if method != "semantic"
        else []
    )
    if method == "lexical":
        return [item.document_id for item in lexical]
    semantic = [
        item
        for item in ranking.semantic(text, kinds=kinds, groups=groups, encoding=encoding)
        if item.score >= MIN_SIMILARITY
    ]
    if method == "semantic":
        return [item.document_id for item in semantic]
    return [item.document_id for item in ranking.fuse(lexical, semantic)]


def suggest(
    *, audience: Audience, title: str, text: str = "", call_id: int | None = None
) -> Suggestions:
    full = f"{title.strip()}\n{text.strip()}".strip()
    if len(full) < MIN_LENGTH:
        return Suggestions()
    groups = (f"call:{call_id}",) if call_id else ()
    encoding = ranking.encoded(full)  # once for both lists
    questions = rank(full, audience=audience, kinds=QUESTION_KINDS, encoding=encoding)
    sections = rank(full, audience=audience, kinds=SECTION_KINDS, groups=groups, encoding=encoding)
    questions, sections = questions[: MAX_QUESTIONS * 4], sections[: MAX_SECTIONS * 4]
    documents = SearchDocument.objects.filter(
        audience.q(), pk__in=[*questions, *sections], suggestible=True
    ).only("pk", "kind", "title", "body", "url")
    by_id = {doc.pk: doc for doc in documents}
    terms = query_terms(full)

    def pick(ids: list[int], limit: int) -> list[Suggestion]:
        chosen = []
        for pk in ids:
            doc = by_id.get(pk)
            if doc is None:
                continue
            chosen.append(
                Suggestion(
                    document_id=pk,
                    kind=doc.kind,
                    title=doc.title,
                    url=doc.url,
                    snippet=snippet(doc.body, terms, width=180),
                )
            )
            if len(chosen) == limit:
                break
        return chosen

    return Suggestions(
        questions=pick(questions, MAX_QUESTIONS),
        sections=pick(sections, MAX_SECTIONS),
        searched=True,
    )
