"""Fill English translations into a gettext catalogue.

Usage: python scripts/fill_po.py PATH.po TRANSLATIONS.json

TRANSLATIONS.json maps a German msgid to its English msgstr (a list of two
strings for plural entries). Only empty msgstr entries are filled; run
`make messages` afterwards to compile. A developer tool, not shipped.
"""

import json
import re
import sys
from pathlib import Path


def po_unescape(text: str) -> str:
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def read_string(lines: list[str], start: int) -> tuple[str, int]:
    """The string that begins on lines[start] after its keyword, and the
    index of the first line after it."""
    first = lines[start]
    value = re.match(r'^[a-z_\[\]0-9]+ "(.*)"$', first)
    if value is None:
        raise ValueError(f"not a catalogue string: {first}")
    parts = [value.group(1)]
    index = start + 1
    while index < len(lines) and lines[index].startswith('"'):
        parts.append(lines[index][1:-1])
        index += 1
    return "".join(parts), index


def fill(path: Path, translations: dict[str, str | list[str]]) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    output: list[str] = []
    missing: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.startswith("msgid "):
            output.append(line)
            index += 1
            continue
        raw_msgid, index = read_string(lines, index)
        msgid = (
            raw_msgid.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        )
        output.append(f'msgid "{raw_msgid}"')
        plural = None
        if index < len(lines) and lines[index].startswith("msgid_plural "):
            plural, index = read_string(lines, index)
            output.append(f'msgid_plural "{plural}"')
        strings: list[tuple[str, str]] = []
        while index < len(lines) and lines[index].startswith("msgstr"):
            keyword = lines[index].split(" ", 1)[0]
            value, index = read_string(lines, index)
            strings.append((keyword, value))
        empty = msgid and all(value == "" for _, value in strings)
        if empty and msgid in translations:
            wanted = translations[msgid]
            values = wanted if isinstance(wanted, list) else [wanted]
            strings = [
                (keyword, po_escape(values[min(n, len(values) - 1)]))
                for n, (keyword, _) in enumerate(strings)
            ]
        elif empty:
            missing.append(msgid)
        output.extend(f'{keyword} "{value}"' for keyword, value in strings)
    path.write_text("\n".join(output) + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    catalogue = Path(sys.argv[1])
    mapping = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    for msgid in fill(catalogue, mapping):
        print(f"still untranslated: {msgid!r}")
