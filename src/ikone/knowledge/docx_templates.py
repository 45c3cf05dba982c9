"""Vorlagen as DOCX: the platform writes simple template files and fills
their placeholders (`{{gemeinde}}`, `{{aufruf}}`, `{{eigenanteil}}`,
`{{datum}}`, …) with python-docx.

Word splits text into runs at will (spell checking, formatting), so a
placeholder may span several runs; filling joins a paragraph's runs when it
holds a placeholder and keeps the first run's formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from io import BytesIO

import docx
from docx.text.paragraph import Paragraph

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def template_docx(paragraphs: Iterable[str]) -> bytes:
    """A DOCX whose first paragraph is a heading and the others body text."""
    word = docx.Document()
    for index, text in enumerate(paragraphs):
        if index == 0:
            word.add_heading(text, level=1)
        else:
            word.add_paragraph(text)
    return _bytes(word)


def text_docx(title: str, text: str) -> bytes:
    """A small DOCX with a heading and paragraphs (the demo's attachments)."""
    return template_docx([title, *(part for part in text.split("\n\n") if part.strip())])


def placeholders(content: bytes) -> list[str]:
    """The placeholder names in a DOCX, in order of first appearance."""
    found: list[str] = []
    for paragraph in _paragraphs(docx.Document(BytesIO(content))):
        for name in PLACEHOLDER.findall(paragraph.text):
            if name not in found:
                found.append(name)
    return found


def fill_docx(content: bytes, values: Mapping[str, str]) -> bytes:
    """The DOCX with every known placeholder replaced; unknown ones stay
    visible so that the person sees what is still to fill."""
    word = docx.Document(BytesIO(content))
    for paragraph in _paragraphs(word):
        text = paragraph.text
        if not PLACEHOLDER.search(text):
            continue
        filled = PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)
        runs = paragraph.runs
        runs[0].text = filled
        for run in runs[1:]:
            run.text = ""
    return _bytes(word)


def _paragraphs(word: docx.document.Document) -> Iterable[Paragraph]:
    yield from word.paragraphs
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _bytes(word: docx.document.Document) -> bytes:
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()
