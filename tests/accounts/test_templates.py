"""The accounts templates keep the strict Content Security Policy."""

import re
from pathlib import Path

import pytest

import ikone.accounts

TEMPLATES = sorted((Path(ikone.accounts.__file__).parent / "templates").rglob("*.html"))
# JSON-LD (`<script type="application/ld+json">`) is data, not code: allowed.
INLINE = re.compile(
    r"<script(?![^>]*application/ld\+json)|<style|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_no_inline_scripts_or_styles(path):
    assert not INLINE.search(path.read_text(encoding="utf-8"))


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 30
