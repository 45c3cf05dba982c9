"""Cut the web fonts the platform serves to the characters German pages use,
after `frontend/build.mjs` copied them (run by `make assets`).

KERN ships every face of Fira Sans with all its glyphs (Cyrillic, Greek,
Vietnamese …), 120-160 KB each, and a page loads four of them: 545 KB before
a slow connection shows styled text. Cut to Latin with its extensions,
punctuation („“ – …), €, arrows and a few mathematical signs (≤ ≥ −), the
four are 135 KB; a rarer character is drawn in the fallback font
(docs/quality.md, Lighthouse).

A cut font is a Modified Version under the SIL Open Font License, which
forbids it the Reserved Font Name "Fira": the faces are renamed to
IKONE Sans in their name tables and in the stylesheets that name them;
copyright and licence records stay as they are, and the licence's text
is served next to the fonts (`OFL.txt`).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

VENDOR = Path(__file__).resolve().parents[1] / "src" / "ikone" / "core" / "static" / "vendor"
FONTS = VENDOR / "kern" / "fonts"
STYLESHEETS = [FONTS / "fira-sans.css", VENDOR / "kern" / "kern.min.css"]
FAMILY = "IKONE Sans"
# The licence each copy of the fonts must carry (OFL condition 2).
LICENCE = Path(__file__).resolve().parents[1] / "frontend" / "licenses" / "FiraSans-OFL.txt"
KEPT = [
    (0x20, 0x17F),  # Basic Latin, Latin-1, Latin Extended-A
    (0x218, 0x21B),  # ș ț
    (0x394, 0x394),  # Δ
    (0x3A3, 0x3A3),  # Σ
    (0x2000, 0x206F),  # general punctuation
    (0x20AC, 0x20AC),  # €
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2190, 0x2195),  # arrows
    (0x2212, 0x2212),  # −
    (0x2248, 0x2248),  # ≈
    (0x2260, 0x2265),  # ≠ ≤ ≥
]
# Name records that name the font (family, unique id, full and PostScript
# name, typographic family, variations PostScript prefix); copyright (0),
# licence (13, 14) and the rest stay.
NAME_IDS = (1, 3, 4, 6, 16, 18, 21, 25)


def renamed(text: str) -> str:
    return text.replace("Fira Sans", FAMILY).replace("FiraSans", FAMILY.replace(" ", ""))


def cut(path: Path) -> None:
    font = TTFont(path)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in KEPT for code in range(first, last + 1)])
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in NAME_IDS:
            record.string = renamed(record.toUnicode())
    font.flavor = "woff2"
    font.save(path)


def main() -> int:
    # fontTools reports each face's old OS/2 version bits as a warning.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    faces = sorted((FONTS / "fira-sans").glob("*.woff2"))
    if not faces:
        print(f"no fonts in {FONTS}; run frontend/build.mjs first", file=sys.stderr)
        return 1
    for face in faces:
        cut(face)
    for stylesheet in STYLESHEETS:
        text = stylesheet.read_text(encoding="utf-8")
        if FAMILY in text:
            continue  # run before on this copy
        # Where KERN names the family, the cut faces come first; a Fira
        # Sans installed on the reader's machine stays the next choice.
        text = text.replace("font-family: 'Fira Sans';", f"font-family: '{FAMILY}';")
        text = text.replace('"Fira Sans"', f'"{FAMILY}", "Fira Sans"')
        stylesheet.write_text(text, encoding="utf-8")
    (FONTS / "OFL.txt").write_text(LICENCE.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"{len(faces)} font faces cut and renamed to {FAMILY} in {FONTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
