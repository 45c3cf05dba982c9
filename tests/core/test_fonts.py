"""The web fonts the platform serves are cut down to the characters German
pages use (frontend/build.mjs): small enough for a slow connection, and
still drawing every letter, quote and sign the interface writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2] / "src/ikone/core/static/vendor/kern/fonts"
GERMAN = "ÄÖÜäöüß„“”‚‘–—…€→≤≥−•·§°²³½ÉéÈèÀàÇçŁłŚśŽž"
MAX_BYTES = 60_000


def served_faces() -> list[Path]:
    css = (FONTS / "fira-sans.css").read_text(encoding="utf-8")
    return [FONTS / name for name in re.findall(r'url\("\./([^"]+\.woff2)"\)', css)]


def test_the_stylesheet_names_the_faces():
    assert len(served_faces()) >= 4


@pytest.mark.parametrize("face", served_faces(), ids=lambda path: path.name)
def test_each_face_is_small_and_draws_german_text(face):
    assert face.stat().st_size < MAX_BYTES
    font = TTFont(face)
    characters = set(font.getBestCmap())
    printable_ascii = {code for code in range(0x20, 0x7F)}
    assert printable_ascii <= characters
    missing = [character for character in GERMAN if ord(character) not in characters]
    assert missing == []
    # Cut down: the Cyrillic the full family carries is gone.
    assert ord("Ж") not in characters
