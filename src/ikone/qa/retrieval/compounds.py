"""A small German compound splitter for questions.

German joins words: "Fördertopf", "Haushaltssicherung", "Eigenmittelanteil".
A question's compound is often not the one the call uses, so its parts are
searched too ("Fördertopf" → "förder", "topf"). No maintained splitter is
installed offline, so this one splits only where every piece is a word
part of the domain lexicon (`qa/data/compound_lexicon.txt`, one part a
line), optionally joined by a linking "s" or "es" (Fugen-s). Unknown words
stay whole: a wrong split costs more than a missed one.
"""

from __future__ import annotations

import functools
from pathlib import Path

from ikone.core.text import fold

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "compound_lexicon.txt"
MIN_PART = 3
MIN_WORD = 7
LINKS = ("", "s", "es")


@functools.cache
def lexicon() -> frozenset[str]:
    lines = LEXICON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        fold(line.strip()) for line in lines if line.strip() and not line.startswith("#")
    )


@functools.lru_cache(maxsize=10_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of a compound (folded), or () when it does not split into
    known parts. Prefers the longest first part."""
    folded = fold(word)
    if len(folded) < MIN_WORD:
        return ()
    parts = _split(folded, lexicon())
    return parts if len(parts) > 1 else ()


def _split(word: str, known: frozenset[str]) -> tuple[str, ...]:
    if word in known:
        return (word,)
    for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, rest = word[:end], word[end:]
        if head not in known:
            continue
        for link in LINKS:
            if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                continue
            tail = _split(rest[len(link) :], known)
            if tail:
                return (head, *tail)
    return ()
