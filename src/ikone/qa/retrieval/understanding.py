"""What a German question asks for, beyond its words.

- Compound parts ("Fördertopf" → förder, topf; `compounds.py`).
- Thesaurus: a question using one expression of a coordinator-kept
  synonym group also searches the others ("Fördertopf" → Fördervolumen).
- The kind of answer a question word asks for: "wie viel/wie hoch" an
  amount, "bis wann/wann" a date, "wer" an actor; passages that contain
  one are preferred (`wants`).
- The call a question names ("dritte Staffel", "2021"): that call's
  passages are preferred (`call_groups`). A question that names none is
  most likely about the call open now: its passages are preferred
  (`current_groups`) over the earlier rounds that repeat much of its text.

The thesaurus and the calls are read at most every `RELOAD_SECONDS` per
process, so a coordinator's change applies within that time.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from ikone.core.datetimes import to_berlin
from ikone.core.search.text import query_terms, stem, tokens
from ikone.core.text import fold
from ikone.qa.retrieval.compounds import split
from ikone.qa.retrieval.verbs import other_forms

RELOAD_SECONDS = 30.0
# Question words say what kind of answer is wanted (`wants`), not what it is
# about: as search words they match every "bis wann" and "wie viel".
QUESTION_STEMS = frozenset({"wann", "viel", "wieviel", "welch", "gibt"})
# Words that frame a question without naming its topic: the adjective of
# "wie hoch/groß/lange/oft", "woher/wohin", modal verbs ("können", "dürfen"
# survive the stop-word list as "konn", "durf") and light verbs ("Woher
# kommt …", "Was macht man …"). A passage that shares only these with a
# question says nothing about whether it answers it (`topic_words`).
QUESTION_FRAME = frozenset(
    {
        *("hoch", "gross", "lang", "oft", "woh", "wohin"),
        *("konn", "konnt", "durf", "darf", "woll", "brauch"),
        *("komm", "kommt", "geb", "mach", "macht", "tun", "lass", "lasst"),
    }
)
MAX_EXTRA_TERMS = 16

_AMOUNT_WORDS = re.compile(
    r"\b(wie ?viel\w*|wie hoch|wie gross|wie lange|wieviele?|maximum|maximal|hoechstens|"
    r"mindestens|prozent|betrag|summe|hoehe)\b"
)
_DATE_WORDS = re.compile(r"\b(bis wann|wann|ab wann|frist|deadline|stichtag|datum|termin)\b")
_ACTOR_WORDS = re.compile(r"^(wer|wem|wen)\b|\b(wer|wem|wen) (zahlt|entscheidet|ist|macht)\b")
AMOUNT = re.compile(r"\d[\d.,]*\s*(%|prozent|euro|€|mio|millionen|monate|jahre)", re.IGNORECASE)
DATE = re.compile(
    r"\b\d{1,2}\.\s*(januar|februar|marz|märz|april|mai|juni|juli|august|september|oktober|"
    r"november|dezember)|\b\d{1,2}\.\d{1,2}\.\d{2,4}|\b\d{1,2}:\d{2} uhr",
    re.IGNORECASE,
)
ACTOR = re.compile(
    r"\b(kommune|bund|bundes\w*|land|kfw|projekttrager|projektträger|jury|rat|ministerium|"
    r"koordinierungs\w*|federfuhrende|federführende|kreis|gemeinde)\b",
    re.IGNORECASE,
)
_ORDINALS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fuenft": 5}
_ROUND = re.compile(
    r"\b(?:(\d)\.?\s*|(erst|zweit|dritt|viert|fuenft)\w*\s+)(?:staffel|runde|forderrunde|aufruf)"
    r"|\b(?:staffel|runde)\s+(\d)\b"
)
_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass(frozen=True)
class Understood:
    text: str
    terms: tuple[str, ...]  # stems of the words, then of parts and synonyms
    # What the full-text search looks for (any of them): each of the words'
    # and parts' stems, and each thesaurus expression as one clause whose
    # stems must all occur ("selber zahlen" → "selb zahl"). Searched word by
    # word, "zahlen" of that expression matched every "Zahlung" and
    # "Zahlen" (4,000 of the bench's 32,000 suggestible documents for a
    # question on the Eigenanteil), and each match costs the database a
    # ranking (docs/search.md).
    clauses: tuple[str, ...] = ()
    wants: str = ""  # "amount", "date", "actor" or ""
    call_groups: tuple[str, ...] = ()
    # Calls open for submissions, when the question names no call.
    current_groups: tuple[str, ...] = ()


class _Knowledge:
    """Thesaurus groups and call titles, reloaded every RELOAD_SECONDS."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded_at = -RELOAD_SECONDS
        self.groups: list[list[str]] = []
        self.calls: list[tuple[str, str]] = []  # (group key, folded title)
        self.open_calls: tuple[str, ...] = ()  # group keys of calls open for submissions
        # Changes whenever what was loaded differs: part of the key of a
        # remembered result that was computed with it (`suggestions`).
        self.fingerprint = ""

    def current(self) -> _Knowledge:
        if time.monotonic() - self._loaded_at >= RELOAD_SECONDS:
            with self._lock:
                self._load()
        return self

    def _load(self) -> None:
        synonym_group = apps.get_model("qa", "SynonymGroup")
        call_model = apps.get_model("calls", "Call")
        self.groups = [
            [fold(part) for part in group.expression_list()]
            for group in synonym_group.objects.all()
        ]
        calls = list(call_model.objects.only("pk", "title", "status", "deadline"))
        self.calls = [(f"call:{call.pk}", _call_names(call)) for call in calls]
        self.open_calls = tuple(
            f"call:{call.pk}" for call in calls if call.is_open_for_submissions
        )
        loaded = json.dumps([self.groups, self.calls, self.open_calls])
        self.fingerprint = hashlib.blake2b(loaded.encode(), digest_size=12).hexdigest()
        self._loaded_at = time.monotonic()

    def reset(self) -> None:
        self._loaded_at = -RELOAD_SECONDS


KNOWLEDGE = _Knowledge()


def _contains(folded: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}", folded) is not None


def _synonym_expressions(folded: str, groups: list[list[str]]) -> list[list[str]]:
    """The stems of each expression of every group the question uses; an
    expression written as one word ("Info-Veranstaltung") gives each of its
    stems alone, as the parts of a compound do."""
    found: list[list[str]] = []
    for group in groups:
        if any(_contains(folded, phrase) for phrase in group):
            for phrase in group:
                stems = query_terms(phrase)
                found.extend([stems] if len(phrase.split()) > 1 else [[one] for one in stems])
    return [stems for stems in found if stems]


def _wants(folded: str) -> str:
    if _DATE_WORDS.search(folded):
        return "date"
    if _AMOUNT_WORDS.search(folded):
        return "amount"
    if _ACTOR_WORDS.search(folded):
        return "actor"
    return ""


def _call_names(call: Any) -> str:
    """What a question may name a call by: its title ("… 2021 – 3. Staffel")
    and the year of its deadline, the round's year when the title has none
    ("Modellprojekte Smart Cities – 1. Staffel", deadline in 2019)."""
    names = fold(call.title)
    if call.deadline:
        names += f" {to_berlin(call.deadline).year}"
    return names


def named_calls(folded: str, calls: list[tuple[str, str]]) -> tuple[str, ...]:
    """Groups of the calls a question names by round ("dritte Staffel",
    "3. Runde") or year, when exactly those calls carry it in their title."""
    wanted: list[str] = []
    for match in _ROUND.finditer(folded):
        number = match.group(1) or match.group(3) or str(_ORDINALS.get(match.group(2) or "", ""))
        if number:
            wanted.append(f"{number}. staffel")
    wanted += _YEAR.findall(folded)
    found = [key for key, title in calls for needle in wanted if needle in title]
    return tuple(dict.fromkeys(found))


def understand(text: str) -> Understood:
    knowledge = KNOWLEDGE.current()
    folded = fold(text)
    terms = [
        term
        for term in query_terms(text)
        if term not in QUESTION_STEMS and term not in QUESTION_FRAME
    ]
    parts: list[str] = []
    for token in tokens(text):
        parts.extend(stem(part) for part in split(token))
    expressions = _synonym_expressions(folded, knowledge.groups)
    forms = other_forms(text, ignored=QUESTION_FRAME)
    extra = [*parts, *(term for stems in expressions for term in stems), *forms]
    added = [term for term in dict.fromkeys(extra) if term and term not in terms]
    single = [*terms, *(part for part in dict.fromkeys(parts) if part and part not in terms)]
    joined = [" ".join(stems) for stems in expressions if len(stems) > 1]
    clauses = [
        *single,
        *(stems[0] for stems in expressions if len(stems) == 1),
        *joined,
        *forms,
    ]
    call_groups = named_calls(folded, knowledge.calls)
    return Understood(
        text=text,
        terms=(*terms, *added[:MAX_EXTRA_TERMS]),
        clauses=tuple(dict.fromkeys(clauses))[: len(terms) + MAX_EXTRA_TERMS],
        wants=_wants(folded),
        call_groups=call_groups,
        current_groups=() if call_groups else knowledge.open_calls,
    )


def topic_words(text: str) -> list[str]:
    """The question's own stems that name what it is about (no question
    words, no framing words, no added parts or synonyms)."""
    return [
        term
        for term in dict.fromkeys(query_terms(text))
        if term not in QUESTION_STEMS and term not in QUESTION_FRAME
    ]


def equivalents(text: str) -> list[tuple[frozenset[str], list[tuple[str, ...]]]]:
    """For each thesaurus group the question uses: the stems of the
    expressions it used, and the stems of every expression of the group
    ("selbst bezahlen" → selb, bezahl; Eigenanteil, Kofinanzierung, …)."""
    folded = fold(text)
    found = []
    for group in KNOWLEDGE.current().groups:
        used = [phrase for phrase in group if _contains(folded, phrase)]
        if used:
            stems = frozenset(term for phrase in used for term in query_terms(phrase))
            found.append((stems, [tuple(query_terms(phrase)) for phrase in group]))
    return found


def satisfies(wants: str, body: str) -> bool:
    """Whether a passage holds what the question word asks for."""
    pattern: Any = {"amount": AMOUNT, "date": DATE, "actor": ACTOR}.get(wants)
    return bool(pattern and pattern.search(body))
