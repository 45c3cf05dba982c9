"""Suggestions for a question being typed: up to five answered questions or
FAQ entries and up to three sections of the call that probably answer it,
only what the person may see."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ikone.core.pagecache import memo
from ikone.core.search import embeddings
from ikone.core.search.audience import Audience
from ikone.core.search.backends import rarity
from ikone.core.search.models import SearchDocument
from ikone.core.search.text import Snippet, query_terms, snippet
from ikone.qa.retrieval import adapter, ranking, units
from ikone.qa.retrieval.answers import Answer, answer_of
from ikone.qa.retrieval.understanding import (
    KNOWLEDGE,
    QUESTION_STEMS,
    Understood,
    equivalents,
    topic_words,
    understand,
)

QUESTION_KINDS = ("faq", "question")
# What a call says: its sections' passages and the facts of its data.
SECTION_KINDS = ("call_passage", "call_fact")
# What the network wrote down: passages of knowledge articles and solutions
# (ranked with the questions, shown as a list of their own).
KNOWLEDGE_KINDS = ("article_passage", "solution_passage")
MAX_QUESTIONS = 5
MAX_SECTIONS = 3
MAX_KNOWLEDGE = 3
# Below this cosine a semantic neighbour without a shared word is noise.
MIN_SIMILARITY = 0.2
MIN_LENGTH = 8
# A suggestion is shown only when the best candidate is very close in
# meaning (cosine ≥ CONFIDENT_COSINE), or is found by both rankings (fused
# score above one list's first place, 1.5 / 11) *and* backed by absolute
# evidence: the best cosine reaches CONFIDENT_SUPPORT_COSINE, or the best
# candidate contains most of the words that name the question's topic
# (CONFIDENT_TOPIC_SHARE). Rank fusion alone is relative: an unanswerable
# question still has a first place in both lists when a common word
# ("Förderung", "Frist") matches. Tuned on the development set's answerable
# and unanswerable questions (docs/search.md).
CONFIDENT_FUSED = 0.15
CONFIDENT_COSINE = 0.5
CONFIDENT_SUPPORT_COSINE = 0.35
CONFIDENT_TOPIC_SHARE = 0.6
# Without sentence vectors (a fresh install before the background worker
# embedded anything) only the words can decide: the best candidate is
# confident when it contains at least half of the question's words,
# and at least two of them (docs/search.md; tuned on the development set).
LEXICAL_ONLY_SHARE = 0.5
LEXICAL_ONLY_WORDS = 2
# A whole result is remembered (`remembered`) no longer than a process
# trusts its counts of how rare a word is (`rarity`), so that it never
# outlives them.
REMEMBER_SECONDS = rarity.REMEMBER_SECONDS


@dataclass(frozen=True)
class Suggestion:
    document_id: int
    kind: str
    title: str
    url: str
    snippet: Snippet
    answer: Answer | None = None
    context: str = ""


@dataclass
class Suggestions:
    questions: list[Suggestion] = field(default_factory=list)
    sections: list[Suggestion] = field(default_factory=list)
    knowledge: list[Suggestion] = field(default_factory=list)
    searched: bool = False
    # False when nothing found was close enough to show (the form then
    # invites asking instead of listing weak guesses).
    confident: bool = True

    def __bool__(self) -> bool:
        return bool(self.questions or self.sections or self.knowledge)


@dataclass(frozen=True)
class Ranking:
    ids: list[int]
    confident: bool


def _has_vectors(kinds: tuple[str, ...], encoding: ranking.Encoded | None) -> bool:
    """Whether any document of these kinds has a sentence vector yet."""
    current = encoding.matrix if encoding is not None else embeddings.matrix()
    return bool(len(current.ids)) and bool(current.mask(current.kinds, kinds).any())


def _stems_of(document_id: int) -> set[str]:
    stems = SearchDocument.objects.filter(pk=document_id).values_list(
        "stemmed_title", "stemmed_body"
    )
    return {token for title, body in stems for token in f"{title} {body}".split()}


def _has(found: Collection[str], word: str) -> bool:
    """As the full-text search matches: a stem, or the start of a longer one."""
    return word in found or (len(word) >= 4 and any(token.startswith(word) for token in found))


def lexically_confident(text: str, document_id: int, stems: Collection[str] | None = None) -> bool:
    """The rule without vectors: enough of the question's own words (not
    question words, not added synonyms) occur in the document (its `stems`
    when the caller read them already)."""
    words = [term for term in dict.fromkeys(query_terms(text)) if term not in QUESTION_STEMS]
    if len(words) < LEXICAL_ONLY_WORDS:
        return False
    found = stems if stems is not None else _stems_of(document_id)
    covered = sum(1 for word in words if _has(found, word))
    return covered >= LEXICAL_ONLY_WORDS and covered / len(words) >= LEXICAL_ONLY_SHARE


def names_the_topic(text: str, document_id: int, stems: Collection[str] | None = None) -> bool:
    """Whether the document contains most of the words naming the question's
    topic (`topic_words`): "Wie hoch ist die Förderquote?" and a passage on
    the Förderquote, not "Wie hoch ist die Hundesteuer?" and a passage that
    only shares "hoch". Words of a thesaurus expression count as found when
    the document says it in another expression of the group ("selbst
    bezahlen" in a passage on the Eigenanteil). `stems`: the document's,
    when the caller read them already."""
    words = topic_words(text)
    if not words:
        return False
    found = stems if stems is not None else _stems_of(document_id)
    covered = {word for word in words if _has(found, word)}
    for used, expressions in equivalents(text):
        if any(
            expression and all(_has(found, t) for t in expression) for expression in expressions
        ):
            covered |= used & set(words)
    return len(covered) / len(words) >= CONFIDENT_TOPIC_SHARE


def ranked(
    text: str,
    *,
    audience: Audience,
    kinds: tuple[str, ...],
    groups: tuple[str, ...] = (),
    method: str = "combined",
    encoding: ranking.Encoded | None = None,
    understood: Understood | None = None,
) -> Ranking:
    """Document ids best first, by "lexical", "semantic" or "combined"
    (visibility of semantic candidates is checked by the caller), and
    whether the best is a confident answer. `understood`: the text's
    `understand()`, when the caller has it already."""
    understood = understood if understood is not None else understand(text)
    lexical = (
        ranking.lexical(
            text, audience=audience, kinds=kinds, groups=groups, terms=understood.clauses
        )
        if method != "semantic"
        else []
    )
    semantic: list[ranking.Ranked] = []
    if method != "lexical":
        encoding = encoding or ranking.encoded_if_vectors(text)
        if encoding is not None:
            found = ranking.semantic(text, kinds=kinds, groups=groups, encoding=encoding)
            semantic = [item for item in found if item.score >= MIN_SIMILARITY]
    fused = ranking.fuse(lexical, semantic)
    # The encoder's own cosine: the thresholds below were set for its scale,
    # which the query adapter (ranking.Encoded) changes.
    cosine = ranking.plain_cosine(encoding, semantic) if encoding and semantic else 0.0
    meaning = semantic
    if method == "combined" and lexical and encoding is not None:
        # A lexical candidate outside the semantic best 50 (or below
        # MIN_SIMILARITY) is not unrelated in meaning: the order uses its own
        # cosine, not 0 (docs/search.md); the confidence rule keeps the list.
        listed = {item.document_id for item in semantic}
        missing = [item.document_id for item in lexical if item.document_id not in listed]
        meaning = semantic + ranking.cosines(encoding, missing)
    ids, stems = units.reranked(ranking.combine(lexical, meaning), understood)
    # The best candidate's stems, as rerank read them (none: a row gone since
    # the embedding snapshot, as `_stems_of` would find).
    best = stems.get(ids[0], frozenset()) if ids else frozenset()
    confident = bool(fused) and (
        cosine >= CONFIDENT_COSINE
        or (
            fused[0].score >= CONFIDENT_FUSED
            and (
                cosine >= CONFIDENT_SUPPORT_COSINE
                or bool(ids)
                and names_the_topic(text, ids[0], best)
            )
        )
    )
    if not confident and ids and lexical and method == "combined":
        # A fresh install has no vectors: let a strong lexical match count.
        confident = not _has_vectors(kinds, encoding) and lexically_confident(text, ids[0], best)
    return Ranking(ids=ids, confident=confident)


def rank(
    text: str,
    *,
    audience: Audience,
    kinds: tuple[str, ...],
    groups: tuple[str, ...] = (),
    method: str = "combined",
    encoding: ranking.Encoded | None = None,
) -> list[int]:
    """Document ids best first (see `ranked`)."""
    return ranked(
        text, audience=audience, kinds=kinds, groups=groups, method=method, encoding=encoding
    ).ids


def _pick(
    ids: list[int], by_id: dict[int, SearchDocument], terms: list[str], limit: int
) -> list[Suggestion]:
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
                answer=answer_of(doc.kind, doc.title, doc.body, terms),
                context=doc.context or "",
            )
        )
        if len(chosen) == limit:
            break
    return chosen


def suggest(
    *, audience: Audience, title: str, text: str = "", call_id: int | None = None
) -> Suggestions:
    full = f"{title.strip()}\n{text.strip()}".strip()
    if len(full) < MIN_LENGTH:
        return Suggestions()
    groups = (f"call:{call_id}",) if call_id else ()
    encoding = ranking.encoded(full)  # once for both lists
    understood = understand(full)
    questions = ranked(
        full,
        audience=audience,
        kinds=(*QUESTION_KINDS, *KNOWLEDGE_KINDS),
        encoding=encoding,
        understood=understood,
    )
    sections = ranked(
        full,
        audience=audience,
        kinds=SECTION_KINDS,
        groups=groups,
        encoding=encoding,
        understood=understood,
    )
    if not (questions.confident or sections.confident):
        return Suggestions(searched=True, confident=False)
    question_ids = (
        questions.ids[: (MAX_QUESTIONS + MAX_KNOWLEDGE) * 4] if questions.confident else []
    )
    section_ids = sections.ids[: MAX_SECTIONS * 4] if sections.confident else []
    documents = SearchDocument.objects.filter(
        audience.q(), pk__in=[*question_ids, *section_ids], suggestible=True
    ).only("pk", "kind", "title", "body", "url", "context")
    by_id = {doc.pk: doc for doc in documents}
    terms = list(understood.terms)
    knowledge_ids = [
        pk for pk in question_ids if pk in by_id and by_id[pk].kind in KNOWLEDGE_KINDS
    ]
    return Suggestions(
        questions=_pick(
            [pk for pk in question_ids if pk not in knowledge_ids], by_id, terms, MAX_QUESTIONS
        ),
        sections=_pick(section_ids, by_id, terms, MAX_SECTIONS),
        knowledge=_pick(knowledge_ids, by_id, terms, MAX_KNOWLEDGE),
        searched=True,
    )


@functools.cache
def code_fingerprint() -> str:
    """A digest of the code that ranks and shows suggestions (this package
    and the search core) and of the query adapter's weights: an update that
    changes the ranking does not show results remembered by the code before it."""
    roots = [Path(__file__).resolve().parent, Path(embeddings.__file__).resolve().parent]
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(path for root in roots for path in root.rglob("*.py")):
        digest.update(source.read_bytes())
    if adapter.ADAPTER_FILE.exists():
        digest.update(adapter.ADAPTER_FILE.read_bytes())
    return digest.hexdigest()


def remembered(
    *, audience: Audience, title: str, text: str = "", call_id: int | None = None
) -> Suggestions:
    """`suggest`, remembered while nothing it depends on changed (issue 15):
    the form asks again for the same text (a pause in typing, another call
    chosen and back, the page without JavaScript). Each person has their
    own results (the person is part of the key). Computing it costs two full-text queries over tens
    of thousands of documents, a product with the whole embedding matrix
    and the highlighting of the shown sentences.

    The key holds everything the result is made of besides the search
    table: the text as `suggest` reads it, the call, who is asking (what
    they may see), the language (the sources' labels), the embedding
    snapshot, the thesaurus and calls the question is understood with, and
    the ranking code and query adapter (`code_fingerprint`, and whether the
    adapter is on). The search table is the memo's (`core.pagecache.memo`): any write to
    it, an index update or a new answer, computes the next result anew."""
    full = f"{title.strip()}\n{text.strip()}".strip()
    if len(full) < MIN_LENGTH:
        return Suggestions()
    key = memo.key(
        "qa:suggestions",
        full,
        call_id,
        audience.sees_all,
        sorted(audience.scopes),
        sorted(audience.organization_ids),
        audience.user_id,
        tuple(embeddings.matrix().stamp),
        KNOWLEDGE.current().fingerprint,
        code_fingerprint(),
        adapter.matrix() is not None,  # measured without it (`switched_off`)
    )
    return memo.get_or_compute(
        key,
        lambda: suggest(audience=audience, title=title, text=text, call_id=call_id),
        REMEMBER_SECONDS,
    )
