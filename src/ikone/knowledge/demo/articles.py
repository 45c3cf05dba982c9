"""The demo knowledge base, read from `articles/*.md` (see docs/demo.md).

An article file has a front matter between `---` lines and a Markdown body
like the CMS pages (`pages.py`). Front matter fields:

- slug, title, kind (tip, report, recommendation, guide, template), summary
- date (2021-01-12), visibility (public or network; default public)
- organizations: keys of demo organisations (accounts/demo/organizations.yaml)
- guests: names of authors without an account
- fields: keys of fields of action; calls: call slugs
- sections: interpreted call sections, each `call`, `number` (in quotes)
  and `version` (default 1; an amended section of version 1 carries the
  "Auslegung prüfen" flag after seeding)
- links: addresses of related questions, workshops, solutions on the platform
- attachments: generated DOCX files, each `title`, `text` (prose) and
  `visibility`
- template: for a Vorlage, the paragraphs of its DOCX with placeholders
  ({{gemeinde}}, {{aufruf}}, {{eigenanteil}}, {{datum}})
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from ikone.core.demo_data import Prose, load_markdown, record
from ikone.knowledge.demo.pages import DemoPage, _blocks
from ikone.knowledge.models import ArticleKind, ArticleVisibility

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"


@dataclass(frozen=True)
class DemoSection:
    call: str
    number: str
    version: int = 1


@dataclass(frozen=True)
class DemoAttachment:
    title: str
    text: Prose
    visibility: ArticleVisibility = ArticleVisibility.PUBLIC


@dataclass(frozen=True)
class ArticleMeta:
    slug: str
    title: str
    kind: ArticleKind
    summary: Prose
    date: dt.date
    visibility: ArticleVisibility = ArticleVisibility.PUBLIC
    organizations: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()
    sections: tuple[DemoSection, ...] = ()
    links: tuple[str, ...] = ()
    attachments: tuple[DemoAttachment, ...] = ()
    template: tuple[str, ...] = ()


@functools.cache
def demo_articles() -> tuple[DemoPage, ...]:
    """The demo articles in the order of their file names; raises DemoDataError."""
    found = []
    for path in sorted(ARTICLES_DIR.glob("*.md")):
        document = load_markdown(path)
        meta = record(ArticleMeta, document.meta, path=path)
        found.append(DemoPage(meta=meta, blocks=_blocks(document)))
    return tuple(found)
