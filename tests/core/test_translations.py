"""The English catalogues are complete, compiled and in use.

German is the source language: every msgid is German and every app keeps its
English texts in locale/en/LC_MESSAGES/django.po, with the compiled django.mo
committed beside it (`make messages` regenerates and compiles them all).
"""

import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.utils import translation

import ikone
from tests.municipalities.factories import DistrictFactory, StateFactory

SOURCE_DIR = Path(ikone.__file__).parent
APPS = sorted(path.parent.name for path in SOURCE_DIR.glob("*/apps.py"))
CATALOGUES = sorted(SOURCE_DIR.glob("*/locale/en/LC_MESSAGES/django.po"))

# One string per app that only that app's catalogue has: proves Django loads it.
KNOWN_STRINGS = {
    "accounts": ("Einladung annehmen", "Accept invitation"),
    "api": ("Kommunen auflisten", "List municipalities"),
    "core": ("Zum Inhalt springen", "Skip to content"),
    "knowledge": ("Wissen und öffentliche Seiten", "Knowledge and public pages"),
    "municipalities": ("Bevölkerungsdichte", "Population density"),
}


@dataclass
class Entry:
    """One entry of a PO file; a singular msgstr is stored under index 0."""

    line: int
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    def describe(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"line {self.line}: {context}{self.msgid!r}"


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(literal: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[0]), literal[1:-1])


def read_po(path: Path) -> list[Entry]:
    """A small reader for the PO files makemessages writes (obsolete `#~`
    entries are skipped)."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None

    def start(number: int) -> Entry:
        entry = Entry(line=number)
        entries.append(entry)
        return entry

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            target = None
        elif line.startswith("#"):
            if current is None or current.msgid is not None:
                current = start(number)
            if line.startswith("#,"):
                current.flags.update(flag.strip() for flag in line[2:].split(","))
            target = None
        elif match := _KEYWORD.match(line):
            keyword, index, literal = match.groups()
            if keyword in ("msgctxt", "msgid") and (
                current is None
                or current.msgid is not None
                or (keyword == "msgctxt" and current.msgctxt is not None)
            ):
                current = start(number)
            assert current is not None, f"{path}:{number}: {keyword} outside an entry"
            target = (keyword, int(index or 0))
            _store(current, target, _unquote(literal))
        elif line.startswith('"') and current is not None and target is not None:
            _store(current, target, _unquote(line), append=True)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def _store(entry: Entry, target: tuple[str, int], text: str, *, append: bool = False) -> None:
    keyword, index = target
    if keyword == "msgstr":
        entry.msgstr[index] = entry.msgstr.get(index, "") + text if append else text
    else:
        previous = getattr(entry, keyword) if append else ""
        setattr(entry, keyword, previous + text)


def _nplurals(entries: list[Entry]) -> int:
    header = next((entry for entry in entries if entry.is_header), None)
    match = re.search(r"nplurals\s*=\s*(\d+)", header.msgstr.get(0, "") if header else "")
    return int(match[1]) if match else 2


def _app(path: Path) -> str:
    return path.relative_to(SOURCE_DIR).parts[0]


def _label(path: Path) -> str:
    return str(path.relative_to(SOURCE_DIR.parents[1]))


def _messages(entries: list[Entry]) -> Iterator[Entry]:
    """The entries msgfmt compiles: translated, not fuzzy, no header."""
    for entry in entries:
        if entry.is_header or "fuzzy" in entry.flags:
            continue
        if entry.msgstr and all(entry.msgstr.values()):
            yield entry


def test_every_app_has_an_english_catalogue():
    assert {_app(path) for path in CATALOGUES} == set(APPS)


@pytest.mark.parametrize("path", CATALOGUES, ids=_app)
def test_every_entry_is_translated_and_not_fuzzy(path):
    entries = read_po(path)
    nplurals = _nplurals(entries)
    problems = []
    for entry in entries:
        if entry.is_header:
            continue
        if entry.msgid is None:
            problems.append(f"{entry.describe()}: no msgid")
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"{entry.describe()}: fuzzy")
        indices = range(nplurals) if entry.msgid_plural is not None else range(1)
        if any(not entry.msgstr.get(index) for index in indices):
            problems.append(f"{entry.describe()}: empty msgstr")

    assert not problems, f"{_label(path)}:\n" + "\n".join(problems)


_PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([diouxXeEfFgGcrs])")
_BRACES = re.compile(r"\{(\w*)[^{}]*\}")


def _placeholders(entry: Entry, text: str) -> list[str]:
    found = []
    if "python-format" in entry.flags:
        found += [f"%({name}){kind}" for name, kind in _PERCENT.findall(text.replace("%%", ""))]
    if "python-brace-format" in entry.flags:
        found += [f"{{{name}}}" for name in _BRACES.findall(text)]
    return sorted(found)


@pytest.mark.parametrize("path", CATALOGUES, ids=_app)
def test_translations_keep_the_placeholders(path):
    problems = []
    for entry in _messages(read_po(path)):
        assert entry.msgid is not None
        expected = _placeholders(entry, entry.msgid)
        if entry.msgid_plural is None:
            if _placeholders(entry, entry.msgstr[0]) != expected:
                problems.append(f"{entry.describe()}: placeholders differ")
            continue
        allowed = set(expected) | set(_placeholders(entry, entry.msgid_plural))
        for index, text in sorted(entry.msgstr.items()):
            if not set(_placeholders(entry, text)) <= allowed:
                problems.append(f"{entry.describe()}: unknown placeholder in msgstr[{index}]")

    assert not problems, f"{_label(path)}:\n" + "\n".join(problems)


def read_mo(path: Path) -> dict[str, str]:
    """Originals and translations of a compiled catalogue (GNU MO format)."""
    data = path.read_bytes()
    byte_order = {0x950412DE: "<", 0xDE120495: ">"}[struct.unpack("<I", data[:4])[0]]
    count, originals, translations = struct.unpack(f"{byte_order}3I", data[8:20])

    def string(table: int, index: int) -> str:
        length, offset = struct.unpack(f"{byte_order}2I", data[table + 8 * index :][:8])
        return data[offset : offset + length].decode("utf-8")

    return {string(originals, index): string(translations, index) for index in range(count)}


@pytest.mark.parametrize("path", CATALOGUES, ids=_app)
def test_the_compiled_catalogue_matches_the_po_file(path):
    """Compares contents, not modification times (a clone sets those anew)."""
    expected = {}
    for entry in _messages(read_po(path)):
        original = f"{entry.msgctxt}\x04" if entry.msgctxt is not None else ""
        original += entry.msgid or ""
        if entry.msgid_plural is not None:
            original += f"\x00{entry.msgid_plural}"
        expected[original] = "\x00".join(text for _, text in sorted(entry.msgstr.items()))
    compiled = path.with_suffix(".mo")

    assert compiled.exists(), f"{_label(compiled)} is missing: run `make messages`"
    actual = {key: value for key, value in read_mo(compiled).items() if key}
    assert actual == expected, f"{_label(compiled)} is stale: run `make messages`"


@pytest.mark.parametrize("path", CATALOGUES, ids=_app)
def test_msgfmt_accepts_the_catalogue(path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")

    result = subprocess.run(  # noqa: S603  # a fixed program on our own files
        [msgfmt, "--check-format", "--output-file=/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


def _keys(entries: list[Entry]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in entries if not e.is_header}


@pytest.mark.parametrize("path", CATALOGUES, ids=_app)
def test_the_catalogue_is_up_to_date_with_the_sources(path, tmp_path):
    """makemessages, run on a copy of the app, finds no new, changed or
    removed texts (else: `make messages`, then translate what it added)."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("xgettext/msgmerge (GNU gettext) are not installed")
    app_dir = SOURCE_DIR / _app(path)
    copy = tmp_path / app_dir.name
    shutil.copytree(app_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "*.csv", "*.mo"))

    result = subprocess.run(  # noqa: S603  # a fixed program on our own files
        [sys.executable, "-P", "-m", "django", "makemessages", "-l", "en"]
        + ["--no-obsolete", "--no-location"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    current, regenerated = _keys(read_po(path)), _keys(read_po(copy / path.relative_to(app_dir)))
    missing = [f"new: {msgid!r}" for _, msgid, _ in sorted(regenerated - current, key=str)]
    unused = [f"gone: {msgid!r}" for _, msgid, _ in sorted(current - regenerated, key=str)]
    assert not missing + unused, f"{_label(path)}: run `make messages`\n" + "\n".join(
        missing + unused
    )


@pytest.fixture(autouse=True)
def _german_afterwards():
    """A request under /en/ leaves English active for code that runs after it."""
    with translation.override("de"):
        yield


@pytest.mark.parametrize(("app", "german", "english"), [(a, *s) for a, s in KNOWN_STRINGS.items()])
def test_django_translates_a_string_of_each_app(app, german, english):
    owners = [_app(path) for path in CATALOGUES if german in {e.msgid for e in read_po(path)}]
    assert owners == [app]

    with translation.override("en"):
        assert translation.gettext(german) == english
    assert translation.gettext(german) == german


def test_django_serves_every_translation():
    """Django merges the apps' catalogues into one, the app listed first in
    INSTALLED_APPS winning: a msgid translated differently in two apps would
    show one app's text in the other. Use the same text, or a msgctxt."""
    problems = []
    with translation.override("en"):
        for path in CATALOGUES:
            for entry in _messages(read_po(path)):
                for number, expected in _forms(entry):
                    actual = _translate(entry, number)
                    if actual != expected:
                        problems.append(
                            f"{_label(path)} {entry.describe()}: Django says {actual!r}"
                        )

    assert not problems, "\n".join(problems)


def _forms(entry: Entry) -> list[tuple[int, str]]:
    if entry.msgid_plural is None:
        return [(1, entry.msgstr[0])]
    return [(1, entry.msgstr[0]), (2, entry.msgstr[1])]  # English: plural=(n != 1)


def _translate(entry: Entry, number: int) -> str:
    msgid, plural, context = entry.msgid or "", entry.msgid_plural, entry.msgctxt
    if plural is None:
        if context is None:
            return translation.gettext(msgid)
        return translation.pgettext(context, msgid)
    if context is None:
        return translation.ngettext(msgid, plural, number)
    return translation.npgettext(context, msgid, plural, number)


@pytest.mark.django_db
def test_the_directory_in_english_under_en(client):
    StateFactory()
    DistrictFactory(ags="07335", name="Kaiserslautern")

    body = client.get("/en/kommunen/").content.decode()

    assert '<html lang="en"' in body
    assert re.search(r"<title>Municipalities – ", body)
    assert '<h1 class="kern-heading-large">Municipalities</h1>' in body
    assert "2 municipalities found" in body
    assert "Search and filter municipalities" in body
    assert "Districts and district-free cities" in body
    # The GV100AD types are official German designations, as stored.
    assert "Landkreis (44)" in body
    assert "Kommunen gefunden" not in body


@pytest.mark.django_db
def test_the_directory_in_german_without_prefix(client):
    StateFactory()
    DistrictFactory(ags="07335", name="Kaiserslautern")

    body = client.get("/kommunen/").content.decode()

    assert '<html lang="de"' in body
    assert re.search(r"<title>Kommunen – ", body)
    assert '<h1 class="kern-heading-large">Kommunen</h1>' in body
    assert "2 Kommunen gefunden" in body
    assert "Kreise und kreisfreie Städte" in body
    assert "Landkreis (44)" in body
    assert "Municipalities" not in body


@pytest.mark.django_db
def test_a_unit_in_english_under_en(client):
    district = DistrictFactory(ags="07335", name="Kaiserslautern")

    body = client.get(f"/en/kommunen/{district.ags}/").content.decode()

    assert "Population density" in body
    assert "200 inhabitants per km²" in body
    assert "Bevölkerungsdichte" not in body


@pytest.mark.django_db
def test_the_api_schema_in_english_on_request(client):
    """/api/v1/ has no language prefix: the schema is German unless ?lang=en."""
    accept = {"Accept": "application/json"}
    german = client.get("/api/v1/schema/", headers=accept).json()
    english = client.get("/api/v1/schema/", {"lang": "en"}, headers=accept).json()

    operation = "/api/v1/municipalities/"
    assert german["paths"][operation]["get"]["summary"] == "Kommunen auflisten"
    assert english["paths"][operation]["get"]["summary"] == "List municipalities"
