"""The loader of demo content files: records, running text, Markdown, and
errors that name the file and the line."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import models

from ikone.core.demo_data import (
    DemoDataError,
    Prose,
    load_markdown,
    load_records,
    load_yaml,
    markdown_html,
    prose,
)


class Colour(models.TextChoices):
    RED = "red", "Rot"
    BLUE = "blue", "Blau"


@dataclass(frozen=True)
class Part:
    name: str
    amount: Decimal = Decimal(0)


@dataclass(frozen=True)
class Thing:
    title: str
    text: Prose = ""
    count: int = 0
    hours: float = 24
    done: bool = False
    colour: Colour = Colour.RED
    day: dt.date | None = None
    tags: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    note: Part | None = None


def write(tmp_path, text, name="things.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_records_are_built_with_their_types(tmp_path):
    path = write(
        tmp_path,
        """
- title: Erstes
  text: |
    Eine Zeile,
    umbrochen.

    - ein Punkt,
    - noch einer
  count: 3
  hours: 1.5
  done: true
  colour: blue
  day: 2021-01-12
  tags: ['3.1', b]
  parts:
    - name: Teil
      amount: 420000.00
  note: {name: Notiz, amount: "12.50"}
- title: Zweites
""",
    )
    first, second = load_records(path, Thing)
    assert first == Thing(
        title="Erstes",
        text="Eine Zeile, umbrochen.\n\n- ein Punkt,\n- noch einer",
        count=3,
        hours=1.5,
        done=True,
        colour=Colour.BLUE,
        day=dt.date(2021, 1, 12),
        tags=("3.1", "b"),
        parts=(Part("Teil", Decimal("420000.00")),),
        note=Part("Notiz", Decimal("12.50")),
    )
    assert second == Thing(title="Zweites")


def test_records_under_a_key(tmp_path):
    path = write(tmp_path, "things:\n  - title: A\n")
    assert load_records(path, Thing, key="things") == (Thing(title="A"),)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- title: A\n  count: drei\n", 2, "„count“: ganze Zahl erwartet"),
        ("- title: A\n- title: B\n  colour: green\n", 3, "„green“ ist nicht erlaubt"),
        ("- title: A\n  tags: ['3.1', 3.2]\n", 2, "Text erwartet, gefunden: 3.2"),
        ("- title: A\n  colur: red\n", 2, "unbekanntes Feld „colur“"),
        ("- title: A\n\n- text: ohne Titel\n", 3, "Feld „title“ fehlt"),
        ("- title: A\n  title: B\n", 2, "„title“ steht doppelt"),
        ("- title: A\n  parts:\n    - name: X\n      amount: viel\n", 4, "Betrag erwartet"),
        ("- title: A\n  text: „offen\n   count: 2\n", 3, "kein gültiges YAML"),
        ("- title: [A\n", 2, "kein gültiges YAML"),
        ("title: A\n", 1, "Liste erwartet"),
    ],
)
def test_errors_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(DemoDataError) as raised:
        load_records(path, Thing)
    assert raised.value.path == path
    assert raised.value.line == line
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert words in str(raised.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DemoDataError, match="fehlt"):
        load_yaml(tmp_path / "nowhere.yaml")


def test_prose_joins_wrapped_lines_and_keeps_lists():
    assert prose("a\nb\n\n- c\n  weiter\n- d\n") == "a b\n\n- c weiter\n- d"
    assert prose("eins") == "eins"


def test_markdown_with_front_matter_reports_lines_of_the_file(tmp_path):
    path = write(tmp_path, "---\ntitle: Seite\nslug: [x\n---\nText\n", name="page.md")
    with pytest.raises(DemoDataError) as raised:
        load_markdown(path)
    assert raised.value.line == 4

    path = write(tmp_path, "---\ntitle: Seite\n---\n\nText\n", name="page.md")
    page = load_markdown(path)
    assert page.meta == {"title": "Seite"}
    assert page.meta.line_of("title") == 2
    assert page.body == "\nText\n"
    assert page.body_line == 4


def test_markdown_html():
    text = (
        "**Hinweis:** Ein Absatz\nüber zwei Zeilen & mehr.\n\n"
        "- ein [Link](mailto:a@example.org)\n- zweiter Punkt\n  mit Fortsetzung\n\n"
        "Letzter <Absatz>."
    )
    assert markdown_html(text) == (
        "<p><strong>Hinweis:</strong> Ein Absatz über zwei Zeilen &amp; mehr.</p>"
        '<ul><li>ein <a href="mailto:a@example.org">Link</a></li>'
        "<li>zweiter Punkt mit Fortsetzung</li></ul>"
        "<p>Letzter &lt;Absatz&gt;.</p>"
    )
