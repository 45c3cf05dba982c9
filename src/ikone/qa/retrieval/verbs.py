"""Past participles and the verbs they come from.

German builds the past participle with "ge": "einstellen" → "eingestellt",
"abrechnen" → "abgerechnet", "zahlen" → "gezahlt". The stemmer keeps the
"ge", so a question asking "Dürfen wir Leute einstellen?" did not find the
call's "Personal, das neu eingestellt wird", nor "Wird das gefördert?" the
call's "fördern". A question's verbs are therefore also searched in their
other form: the participle's verb ("eingestellt" → einstell) and the verb's
participle ("einstellen" → eingestell, found as the start of "eingestellt").

Only words that may be verbs count: German writes nouns with a capital
letter, so lower-case words and the question's first word (where a yes/no
question puts its verb: "Zahlt der Bund …") are looked at. Verbs with an
inseparable prefix ("bezahlen" → "bezahlt") and verbs on -ieren
("finanziert") take no "ge"; their stem already starts their participle.

A separable verb is split in a question: "Wie rufe ich die Mittel ab?"
asks about "abrufen", which neither "rufe" nor "ab" (a stop word) finds.
When a question ends with a separable prefix, it is joined to the
question's finite verb again ("abruf", and its participle "abgeruf"),
which also starts the nouns made of it ("Abruf", "Einreichung").
"""

from __future__ import annotations

import re

from ikone.core.search.text import STOPWORDS, is_stop_word, stem, tokens
from ikone.core.text import fold

# Separable prefixes put the "ge" after themselves: ab-ge-rechnet.
SEPARABLE = (
    "zurueck",
    "zusammen",
    "durch",
    "nach",
    "fest",
    "frei",
    "weg",
    "auf",
    "aus",
    "bei",
    "ein",
    "mit",
    "vor",
    "dar",
    "her",
    "hin",
    "um",
    "ab",
    "an",
    "zu",
)
INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss")
MIN_STEM = 4
# Question words that come before a question's finite verb ("Bis wann
# reichen wir ein?"); the others are stop words.
QUESTION_WORDS = frozenset(
    {
        "wann",
        "wie",
        "wo",
        "woher",
        "wohin",
        "wieso",
        "weshalb",
        "viel",
        "viele",
        "wieviel",
        "wieviele",
    }
)
# A finite verb's ending ("rufe", "reichen", "fuellt", "meldest").
_FINITE_ENDING = re.compile(r"(est|st|et|en|e|t)$")
_PREFIX = "|".join(SEPARABLE)
# A weak verb's participle: (separable prefix) ge + stem + (e)t.
_PARTICIPLE = re.compile(rf"^({_PREFIX})?ge([a-z]{{3,}}?)e?t$")
_STRONG_PARTICIPLE = re.compile(rf"^({_PREFIX})ge[a-z]{{3,}}en$")


def may_be_verb(token: str, first: bool) -> bool:
    return first or token[:1].islower()


def other_forms(text: str, ignored: frozenset[str] = frozenset()) -> list[str]:
    """Search stems of the other form of each word of `text` that may be a
    verb (see the module's description), then of a separable verb the
    question split (`rejoined`), in order, without repeats; words whose
    stem is `ignored` (modal verbs) are left alone."""
    forms: dict[str, None] = {}
    for position, token in enumerate(tokens(text)):
        folded = fold(token)
        if not may_be_verb(token, position == 0) or _left_alone(token, folded, ignored):
            continue
        for form in (_verb_of_participle(folded), _participle_of_verb(folded)):
            if form and len(form) >= MIN_STEM:
                forms.setdefault(form, None)
    for form in rejoined(text, ignored):
        forms.setdefault(form, None)
    return list(forms)


def rejoined(text: str, ignored: frozenset[str] = frozenset()) -> list[str]:
    """The stems of a separable verb the question split ("Wie rufe ich die
    Mittel ab?" → abruf, abgeruf; "Reichen wir digital ein?" → einreich,
    eingereich), or [] when it does not end with a separable prefix. The
    finite verb is the first word that may be one and is neither a stop
    word nor `ignored` (a modal verb puts the whole verb at the end)."""
    words = tokens(text)
    if len(words) < 3 or not words[-1].islower() or fold(words[-1]) not in SEPARABLE:
        return []
    particle = fold(words[-1])
    for position, token in enumerate(words[:-1]):
        folded = fold(token)
        if _left_alone(token, folded, ignored) or folded in QUESTION_WORDS:
            continue
        if not may_be_verb(token, position == 0):
            return []
        root = _FINITE_ENDING.sub("", folded)
        if len(root) < 3:
            return []
        infinitive = f"{particle}{root}en"
        forms = [stem(infinitive), _participle_of_verb(infinitive)]
        return [form for form in dict.fromkeys(forms) if len(form) >= MIN_STEM]
    return []


def _left_alone(token: str, folded: str, ignored: frozenset[str]) -> bool:
    """Stop words (also by their stem: "müssen" → muss), the `ignored`
    stems and the separable prefixes as words ("zusammen")."""
    base = stem(folded)
    return is_stop_word(token) or base in STOPWORDS or base in ignored or folded in SEPARABLE


def _verb_of_participle(folded: str) -> str:
    """ "eingestellt" → "einstell", "gefoerdert" → "foerder" (as stemmed)."""
    match = _PARTICIPLE.match(folded)
    if not match:
        return ""
    prefix, core = match.group(1) or "", match.group(2)
    return stem(prefix + core)


def _participle_of_verb(folded: str) -> str:
    """ "einstellen" → "eingestell", "zahlen" → "gezahl": the start of the
    participle, matched as the start of the indexed word."""
    if not folded.endswith(("en", "ern", "eln", "t")) or _PARTICIPLE.match(folded):
        return ""
    # Verbs on -ieren take no "ge"; a word already shaped like a strong
    # participle ("eingestiegen") gets no second one.
    if folded.endswith(("ieren", "iert")) or _STRONG_PARTICIPLE.match(folded):
        return ""
    base = stem(folded)
    if len(base) < MIN_STEM or base.endswith("ier"):
        return ""
    for prefix in SEPARABLE:
        rest = base[len(prefix) :]
        if base.startswith(prefix) and len(rest) >= 3 and not rest.startswith(INSEPARABLE):
            return f"{prefix}ge{rest}"
    if base.startswith(INSEPARABLE):
        return ""
    return f"ge{base}"
