"""Search folding for municipality names.

Names and queries are folded the same way so that "zweibruecken",
"Zweibrücken" and "ZWEIBRÜCKEN" all find Zweibrücken: lower-case, the German
umlauts and ß spelled out (ä → ae, ö → oe, ü → ue, ß → ss), other accents
dropped (Budyšin → budysin), whitespace collapsed.
"""

import unicodedata

SEARCH_NAME_MAX_LENGTH = 200

_GERMAN_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Return `text` in the folded form stored in `Municipality.search_name`."""
    lowered = unicodedata.normalize("NFC", text).lower().translate(_GERMAN_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())


def search_text(*, name: str, name_short: str) -> str:
    """The folded text a municipality is found by: its official name, led by
    its short name where the short name is not already the name's start."""
    folded_name = fold(name)
    folded_short = fold(name_short)
    if not folded_name.startswith(folded_short):
        folded_name = f"{folded_short} {folded_name}"
    return folded_name[:SEARCH_NAME_MAX_LENGTH]
