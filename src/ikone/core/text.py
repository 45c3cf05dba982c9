"""Folding text for matching: the one rule the municipality directory, the
organisation list and the search index share.

Names and queries are folded the same way so that "zweibruecken",
"Zweibrücken" and "ZWEIBRÜCKEN" all match: lower-case, the German umlauts
and ß spelled out (ä → ae, ö → oe, ü → ue, ß → ss), other accents dropped
(Budyšin → budysin), whitespace collapsed.
"""

import unicodedata

_GERMAN_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Return `text` folded (the form stored in `Municipality.search_name`)."""
    lowered = unicodedata.normalize("NFC", text).lower().translate(_GERMAN_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())
