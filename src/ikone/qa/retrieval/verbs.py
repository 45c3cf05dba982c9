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
_PREFIX = "|".join(SEPARABLE)
# A weak verb's participle: (separable prefix) ge + stem + (e)t.
_PARTICIPLE = re.compile(rf"^({_PREFIX})?ge([a-z]{{3,}}?)e?t$")
_STRONG_PARTICIPLE = re.compile(rf"^({_PREFIX})ge[a-z]{{3,}}en$")


def may_be_verb(token: str, first: bool) -> bool:
    return first or token[:1].islower()


def other_forms(text: str, ignored: frozenset[str] = frozenset()) -> list[str]:
    """Search stems of the other form of each word of `text` that may be a
    verb (see the module's description), in order, without repeats; words
    whose stem is `ignored` (modal verbs) are left alone."""
    forms: dict[str, None] = {}
    for position, token in enumerate(tokens(text)):
        folded = fold(token)
        if not may_be_verb(token, position == 0) or _left_alone(token, folded, ignored):
            continue
        for form in (_verb_of_participle(folded), _participle_of_verb(folded)):
            if form and len(form) >= MIN_STEM:
                forms.setdefault(form, None)
    return list(forms)


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
