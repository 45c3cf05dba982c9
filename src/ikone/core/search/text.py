"""German text processing for the index: tokens, folding, stemming,
snippets with highlighted matches.

Text and queries go through the same steps, so that "Förderquoten",
"Foerderquote" and "Forderquote" all become the stem "forderquot": Unicode
word tokens, lower case, umlauts spelled out and accents dropped
(`ikone.core.text.fold`), then the Snowball German stemmer (which
folds "ae/oe/ue" back to the vowel).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer
from django.utils.safestring import SafeString, mark_safe

from ikone.core.text import fold

WORD = re.compile(r"\w+", re.UNICODE)
# Words that carry no meaning for search. Kept short: the stemmer and the
# ranking handle the rest.
_STOPWORDS = """
    aber alle allem allen aller alles als also am an ander andere anderem anderen
    anderer anderes auch auf aus bei bin bis bist da damit dann das dass dein
    deine dem den der des dessen dich die dies diese diesem diesen dieser dieses
    dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer
    fur hab habe haben hat hatte hatten hier hin ich ihm ihn ihnen ihr ihre im in
    ist ja jede jedem jeden jeder jedes kann kein keine konnen konnte man mein
    mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr
    sein seine sich sie sind so soll sollen sollte sondern um und uns unser unter
    vom von vor war waren warum was weil welche welchem welchen welcher wenn wer
    werden wie wieso wir wird wo wollen zu zum zur uber
"""
STOPWORDS = frozenset(_STOPWORDS.split())
# The list is spelled without umlauts ("konnen", "fur"); `fold` writes them
# out ("koennen"), so a query word is also looked up with its marks dropped.
_DROP_MARKS = str.maketrans("äöü", "aou")
MAX_TERMS = 12


@functools.lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("german")


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The index form of one word (already lower case or not)."""
    folded = fold(word)
    return str(_stemmer().stemWord(folded))


def tokens(text: str) -> list[str]:
    return WORD.findall(text)


def stem_text(text: str) -> str:
    """The stemmed form of a whole text, as stored in the index (stop words kept
    out so they do not dilute the ranking)."""
    stems = (stem(token) for token in tokens(text))
    return " ".join(word for word in stems if word and word not in STOPWORDS)


def is_stop_word(token: str) -> bool:
    return fold(token) in STOPWORDS or token.lower().translate(_DROP_MARKS) in STOPWORDS


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, stop words left out, in order."""
    seen: dict[str, None] = {}
    for token in tokens(query):
        if is_stop_word(token):
            continue
        word = stem(token)
        if word and word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    matched: bool


def _matcher(terms: list[str]) -> Callable[[str], bool]:
    """Whether a word matches one of the query stems: equal to one, or
    beginning with one of at least four letters (built once per text, as
    str.startswith takes all those prefixes at once)."""
    exact = frozenset(terms)
    prefixes = tuple(term for term in terms if len(term) >= 4)

    def matches(token: str) -> bool:
        word = stem(token)
        return word in exact or (bool(prefixes) and word.startswith(prefixes))

    return matches


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, each word that matches a query stem in `<mark>`."""
    # Escaped run by run between marks (a passage has hundreds of words and
    # a handful of marks); the standard library's escape is Django's without
    # its lazy-string wrapper.
    matches = _matcher(terms)
    parts: list[str] = []
    position = 0
    for match in WORD.finditer(text):
        if matches(match.group()):
            parts.append(html.escape(text[position : match.start()]))
            parts.append(f"<mark>{html.escape(match.group())}</mark>")
            position = match.end()
    parts.append(html.escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def snippet(text: str, terms: list[str], *, width: int = 220) -> Snippet:
    """A window of about `width` characters around the first match, highlighted."""
    text = " ".join(text.split())
    start = 0
    matched = False
    matches = _matcher(terms)
    for match in WORD.finditer(text):
        if matches(match.group()):
            start = max(0, match.start() - width // 3)
            matched = True
            break
    end = min(len(text), start + width)
    if start > 0:
        # Begin at a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < end else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = highlight(text[start:end], terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return Snippet(html=mark_safe(f"{prefix}{piece}{suffix}"), matched=matched)  # noqa: S308


SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÄÖÜ0-9„\"(])")


def best_sentence(text: str, terms: list[str], *, width: int = 260) -> tuple[str, int]:
    """The sentence of `text` that matches most query stems (the first on a
    tie) and how many it matches; long sentences are cut at a word."""
    sentences = [part.strip() for part in SENTENCE_END.split(" ".join(text.split()))]
    best, best_count = "", -1
    matches = _matcher(terms)
    for sentence in sentences:
        count = len({stem(word) for word in WORD.findall(sentence) if matches(word)})
        if count > best_count:
            best, best_count = sentence, count
    if len(best) > width:
        cut = best.rfind(" ", 0, width)
        best = f"{best[: cut if cut > 0 else width]} …"
    return best, max(best_count, 0)
