"""Templates that fill themselves from a draft: the knowledge base's
Vorlagen (a DOCX with placeholders such as `{{gemeinde}}`) offered in the
application workshop. The two apps are peers, so the knowledge app
registers a `TemplateProvider` here and the applications app reads it;
neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ikone.core.registry import Registry


@dataclass(frozen=True)
class DocumentTemplate:
    key: str  # "<provider>:<id>"
    title: str
    url: str  # where people read about it


@dataclass(frozen=True)
class FilledDocument:
    filename: str
    content: bytes


@dataclass(frozen=True)
class TemplateProvider:
    kind: str
    # The published templates, for everyone who may use them.
    templates: Callable[[], list[DocumentTemplate]]
    # The file of template `id` with the placeholders filled from `values`
    # (names such as "gemeinde", "aufruf", "eigenanteil", "datum"), or None.
    fill: Callable[[str, Mapping[str, str]], FilledDocument | None]


PROVIDERS: Registry[TemplateProvider] = Registry(
    "Document templates",
    key=lambda provider: provider.kind,
    describe=lambda p: f"{p.kind}: {p.templates.__module__}",
)


def register(provider: TemplateProvider) -> TemplateProvider:
    return PROVIDERS.register(provider)


def all_templates() -> list[DocumentTemplate]:
    return [template for provider in PROVIDERS for template in provider.templates()]


def fill(key: str, values: Mapping[str, str]) -> FilledDocument | None:
    kind, _sep, template_id = key.partition(":")
    provider = PROVIDERS.get(kind)
    return provider.fill(template_id, values) if provider is not None else None
