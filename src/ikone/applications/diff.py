"""Word-level differences between two versions of a section's text."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is equal, inserted or deleted."""

    kind: str  # "equal" | "insert" | "delete"
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, word by word (whitespace kept)."""
    before = _TOKENS.findall(old)
    after = _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(before[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", "".join(before[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(after[j1:j2])))
    return segments


def count_changes(segments: list[Segment]) -> tuple[int, int]:
    """(words inserted, words deleted)."""
    inserted = sum(len(s.text.split()) for s in segments if s.kind == "insert")
    deleted = sum(len(s.text.split()) for s in segments if s.kind == "delete")
    return inserted, deleted
