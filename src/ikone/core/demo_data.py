"""Demo content as data: the YAML and Markdown files beside each app's seeder.

An app keeps the texts of its demo content in its `demo/` folder
(`qa/demo/questions.yaml`, `knowledge/demo/pages/*.md`, …) so that a
coordinator can edit them without reading code; the seeder (`<app>/demo.py`)
only decides how they become rows. `docs/demo.md` describes the files.

- `load_records(path, Record)` reads a YAML list of mappings into frozen
  dataclasses. Each field's annotation is checked (text, numbers, dates,
  choices, lists, nested records); unknown and missing fields are refused.
- `load_yaml(path)` reads any YAML document; `record(Record, mapping)` turns
  one of its mappings into a dataclass with the same checks.
- `load_markdown(path)` reads a Markdown file with an optional YAML front
  matter between `---` lines; `markdown_html(text)` turns the small Markdown
  the demo uses (paragraphs, `- ` lists, `**bold**`, `[text](address)`)
  into HTML.

Every problem is a `DemoDataError` whose message starts with the file and
the line ("qa/demo/questions.yaml:12: …"), so a broken edit is found fast.
Files are read when a seeder asks for them, never at import, so that a broken
file stops only `ikone seed_demo`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import html
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml

R = TypeVar("R")


class _ProseMarker:
    """Marks a text field whose YAML may be wrapped over several lines."""


# Running text, written in YAML as a block (`text: |`) wrapped at will:
# lines of a paragraph are joined by a space, a blank line separates
# paragraphs and a line starting with "- " is kept as a list item.
Prose = Annotated[str, _ProseMarker]


class DemoDataError(ValueError):
    """A demo data file that cannot be read; `str()` names file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = Path(path), line, message
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


class Located(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its values start."""

    path: Path
    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, message: str, key: str | None = None) -> DemoDataError:
        return DemoDataError(self.path, self.line_of(key) if key else self.line, message)


class _Loader(yaml.SafeLoader):
    path = Path()
    line_offset = 0


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.path = loader.path
    mapping.line = node.start_mark.line + 1 + loader.line_offset
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if not isinstance(key, str):
            raise DemoDataError(loader.path, line, f"Feldname „{key}“ ist kein Text.")
        if key in mapping:
            raise DemoDataError(loader.path, line, f"Feld „{key}“ steht doppelt.")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, *, text: str | None = None, line_offset: int = 0) -> Any:
    """The YAML document in `path` (or `text`, reported as `path` with its
    lines shifted by `line_offset`); mappings are `Located` dicts."""
    if text is None:
        text = _read(path)
    loader = _Loader(text)
    loader.path, loader.line_offset = path, line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = error.problem or error.context or "unlesbares YAML"
        raise DemoDataError(path, line, f"kein gültiges YAML ({problem}).") from error
    finally:
        loader.dispose()


def load_records(path: Path, cls: type[R], *, key: str | None = None) -> tuple[R, ...]:
    """The records listed in `path` (or under `key` of its top mapping)."""
    data = load_yaml(path)
    if key is not None:
        data = field(data, key, path=path)
    if not isinstance(data, list):
        raise DemoDataError(path, getattr(data, "line", 1), "Liste erwartet („- …“ je Eintrag).")
    return tuple(record(cls, item, path=path) for item in data)


def field(mapping: Any, key: str, *, path: Path) -> Any:
    """`mapping[key]`, with an error naming the file if it is missing."""
    if not isinstance(mapping, Located):
        raise DemoDataError(path, 1, f"Zuordnung mit dem Feld „{key}“ erwartet.")
    if key not in mapping:
        raise mapping.error(f"Feld „{key}“ fehlt.")
    return mapping[key]


def record(cls: type[R], mapping: Any, *, path: Path) -> R:
    """The dataclass `cls` built from a YAML mapping, its fields checked."""
    if not isinstance(mapping, Located):
        raise DemoDataError(
            path, None, f"Zuordnung („feld: wert“) erwartet, gefunden: {mapping!r}"
        )
    assert dataclasses.is_dataclass(cls)  # noqa: S101 - a programming error, not bad data
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = [key for key in mapping if key not in fields]
    if unknown:
        allowed = ", ".join(fields)
        raise mapping.error(f"unbekanntes Feld „{unknown[0]}“ (erlaubt: {allowed}).", unknown[0])
    missing = [
        name
        for name, f in fields.items()
        if name not in mapping
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise mapping.error(f"Feld „{missing[0]}“ fehlt.")
    values = {name: _convert(hints[name], value, mapping, name) for name, value in mapping.items()}
    return cls(**values)


def _convert(annotation: Any, value: Any, parent: Located, name: str) -> Any:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        text = _scalar(args[0], value, parent, name)
        return prose(text) if _ProseMarker in args[1:] else text
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = (arg for arg in args if arg is not type(None))
        return _convert(inner, value, parent, name)
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise parent.error(f"Feld „{name}“: Liste erwartet, gefunden: {value!r}", name)
        items = [_convert(args[0], item, parent, name) for item in value]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, Located):
            raise parent.error(f"Feld „{name}“: Zuordnung erwartet, gefunden: {value!r}", name)
        return {key: _convert(args[1], item, value, key) for key, item in value.items()}
    if dataclasses.is_dataclass(annotation):
        return record(annotation, value, path=parent.path)  # type: ignore[arg-type]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _choice(annotation, value, parent, name)
    return _scalar(annotation, value, parent, name)


def _choice(choices: type[enum.Enum], value: Any, parent: Located, name: str) -> Any:
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(str(choice.value) for choice in choices)
        raise parent.error(
            f"Feld „{name}“: „{value}“ ist nicht erlaubt (erlaubt: {allowed}).", name
        ) from None


_EXPECTED = {
    str: "Text",
    bool: "true oder false",
    int: "ganze Zahl",
    float: "Zahl",
    Decimal: "Betrag",
    dt.date: "Datum (JJJJ-MM-TT)",
    dt.datetime: "Zeitpunkt (JJJJ-MM-TT hh:mm:ss)",
}


def _scalar(annotation: Any, value: Any, parent: Located, name: str) -> Any:
    if annotation is Any:
        return value
    if annotation is Decimal and isinstance(value, int | float | str) and _is_amount(value):
        return Decimal(str(value))
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    accepted = {
        str: isinstance(value, str),
        bool: isinstance(value, bool),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: is_number,
        dt.date: isinstance(value, dt.date) and not isinstance(value, dt.datetime),
        dt.datetime: isinstance(value, dt.datetime),
    }
    if accepted.get(annotation, False):
        return value
    expected = _EXPECTED.get(annotation, getattr(annotation, "__name__", str(annotation)))
    hint = " (in Anführungszeichen setzen)" if annotation is str and is_number else ""
    raise parent.error(f"Feld „{name}“: {expected} erwartet, gefunden: {value!r}{hint}", name)


def _is_amount(value: int | float | str) -> bool:
    if isinstance(value, bool):
        return False
    try:
        return Decimal(str(value)).is_finite()
    except InvalidOperation:
        return False


def prose(text: str) -> str:
    """Unwrap running text (see `Prose`): "a\nb\n\n- c\n- d" becomes
    "a b\n\n- c\n- d"."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines: list[str] = []
        for line in block.strip().splitlines():
            if lines and not line.startswith("- "):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line.strip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


# --- Markdown -------------------------------------------------------------------


@dataclass(frozen=True)
class MarkdownFile:
    """A Markdown file: its front matter (empty if none) and its body, with
    the line number of the body's first line for messages."""

    path: Path
    meta: Located
    body: str
    body_line: int


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


def load_markdown(path: Path) -> MarkdownFile:
    text = _read(path)
    match = _FRONT_MATTER.match(text)
    if match is None:
        empty = Located()
        empty.path, empty.line, empty.lines = path, 1, {}
        return MarkdownFile(path=path, meta=empty, body=text, body_line=1)
    meta = load_yaml(path, text=match.group(1), line_offset=1)
    if not isinstance(meta, Located):
        raise DemoDataError(path, 2, "Der Kopf zwischen den Zeilen „---“ muss „feld: wert“ sein.")
    body_line = text.count("\n", 0, match.end()) + 1
    return MarkdownFile(path=path, meta=meta, body=text[match.end() :], body_line=body_line)


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def markdown_inline(text: str) -> str:
    """Escaped text with `**bold**` and `[text](address)` as HTML."""
    escaped = html.escape(text, quote=False)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    # The address is escaped already, except for quotes (quote=False above).
    return _LINK.sub(lambda m: f'<a href="{m[2].replace(chr(34), "&quot;")}">{m[1]}</a>', escaped)


def markdown_html(text: str) -> str:
    """HTML for the Markdown the demo texts use: paragraphs separated by
    blank lines (lines within one are joined by a space) and lists of lines
    starting with "- " (a list item may continue on indented lines)."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line.rstrip() for line in block.strip().splitlines()]
        if lines and lines[0].startswith("- "):
            out.append(f"<ul>{''.join(_list_items(lines))}</ul>")
        elif lines:
            paragraph = " ".join(line.strip() for line in lines)
            out.append(f"<p>{markdown_inline(paragraph)}</p>")
    return "".join(out)


def _list_items(lines: list[str]) -> list[str]:
    items: list[list[str]] = []
    for line in lines:
        if line.startswith("- "):
            items.append([line[2:].strip()])
        else:
            items[-1].append(line.strip())
    return [f"<li>{markdown_inline(' '.join(item))}</li>" for item in items]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DemoDataError(path, None, "Datei fehlt.") from None
    except UnicodeDecodeError as error:
        raise DemoDataError(path, None, f"keine UTF-8-Datei ({error.reason}).") from None
