"""The knowledge base's Vorlagen as fillable document templates
(registered with `core.document_templates` in `KnowledgeConfig.ready()`):
live public Vorlagen with a DOCX file."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.text import get_valid_filename

from ikone.core.document_templates import DocumentTemplate, FilledDocument, TemplateProvider
from ikone.knowledge.docx_templates import fill_docx
from ikone.knowledge.models import ArticleVisibility, TemplatePage


def _published():  # type: ignore[no-untyped-def]
    return (
        TemplatePage.objects.live()
        .filter(visibility=ArticleVisibility.PUBLIC, template_file__isnull=False)
        .select_related("template_file")
        .order_by("title")
    )


def templates() -> list[DocumentTemplate]:
    return [
        DocumentTemplate(key=f"knowledge:{page.pk}", title=page.title, url=f"/wissen/{page.slug}/")
        for page in _published()
    ]


def fill(template_id: str, values: Mapping[str, str]) -> FilledDocument | None:
    if not template_id.isdigit():
        return None
    page = _published().filter(pk=int(template_id)).first()
    if page is None or page.template_file is None:
        return None
    with page.template_file.file.open("rb") as handle:
        content = handle.read()
    name = get_valid_filename(f"{page.title} {values.get('gemeinde', '')}".strip())
    return FilledDocument(filename=f"{name}.docx", content=fill_docx(content, values))


PROVIDER = TemplateProvider(kind="knowledge", templates=templates, fill=fill)
