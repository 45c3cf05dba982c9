"""The web fonts the platform serves are cut down to the characters German
pages use (scripts/subset_fonts.py): small enough for a slow connection,
still drawing every letter, quote and sign the interface writes, and renamed
as the SIL Open Font License asks of a modified font (no "Fira")."""

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
    names = {record.nameID: record.toUnicode() for record in font["name"].names}
    for name_id in (1, 4, 6, 16):
        if name_id in names:
            assert "Fira" not in names[name_id]
    assert names[16 if 16 in names else 1].startswith("IKONE Sans")
    assert "Mozilla Foundation" in names[0]
    assert "Open Font License" in names[13]


def test_the_stylesheets_name_the_cut_family_first():
    faces = (FONTS / "fira-sans.css").read_text(encoding="utf-8")
    assert "font-family: 'Fira Sans'" not in faces
    assert faces.count("font-family: 'IKONE Sans'") == len(served_faces())
    kern = (FONTS.parent / "kern.min.css").read_text(encoding="utf-8")
    assert '"IKONE Sans", "Fira Sans"' in kern


def test_the_licence_is_served_with_the_fonts():
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name < Fira >" in licence
