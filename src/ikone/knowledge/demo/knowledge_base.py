"""Demo content of the knowledge base: the index page at /wissen/ and the
articles of `articles/*.md` (see articles.py), created once and published;
a second run leaves existing articles alone."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from ikone.accounts.models import Organization
from ikone.calls.models import Call, CallSection
from ikone.core.models import FieldOfAction
from ikone.knowledge.demo.articles import ArticleMeta, demo_articles
from ikone.knowledge.docx_templates import template_docx, text_docx
from ikone.knowledge.models import (
    ArticleAttachment,
    ArticleKind,
    ArticleLink,
    ArticlePage,
    ExperienceReportPage,
    GuidePage,
    HomePage,
    KnowledgeIndexPage,
    RecommendationPage,
    TemplatePage,
    TipPage,
)
from ikone.knowledge.services import knowledge_editing_ensure
from ikone.knowledge.services_review import articles_flag_for_amendment

INDEX_SLUG = "wissen"
PAGE_TYPES: dict[str, type[ArticlePage]] = {
    ArticleKind.TIP: TipPage,
    ArticleKind.REPORT: ExperienceReportPage,
    ArticleKind.RECOMMENDATION: RecommendationPage,
    ArticleKind.GUIDE: GuidePage,
    ArticleKind.TEMPLATE: TemplatePage,
}
INDEX_INTRO = (
    "Tipps, Erfahrungsberichte, Empfehlungen, Leitfäden und Vorlagen von Kommunen, die "
    "schon erfolgreich waren, und aus den Workshops des Netzwerks."
)


def knowledge_index_ensure() -> KnowledgeIndexPage:
    """The knowledge base's index page below the start page (published)."""
    index = KnowledgeIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.get()
    index = KnowledgeIndexPage(title="Wissen", slug=INDEX_SLUG, intro=INDEX_INTRO, live=False)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@transaction.atomic
def seed_demo_articles() -> list[str]:
    """Create the missing demo articles; returns their titles. Articles that
    interpret a section of the example call's first version which its
    second version changed end up flagged "Auslegung prüfen"."""
    index = knowledge_index_ensure()
    knowledge_editing_ensure(index=index)
    existing = set(ArticlePage.objects.values_list("slug", flat=True))
    created = []
    for demo in demo_articles():
        meta: ArticleMeta = demo.meta
        if meta.slug in existing:
            continue
        page = _article_add(index, meta)
        page.body = demo.body({})
        page.save_revision().publish()
        created.append(meta.title)
    for call in Call.objects.filter(knowledge_articles__isnull=False).distinct():
        version = call.current_version
        if version is not None and version.number > 1 and version.changed_numbers:
            articles_flag_for_amendment(
                call=call,
                changed_numbers=version.changed_numbers,
                new_version_number=version.number,
            )
    return created


def _article_add(index: KnowledgeIndexPage, meta: ArticleMeta) -> ArticlePage:
    page_type = PAGE_TYPES[meta.kind]
    page = page_type(
        title=meta.title,
        slug=meta.slug,
        summary=meta.summary,
        date=meta.date,
        visibility=meta.visibility,
        guest_authors=", ".join(meta.guests),
        is_example=True,
        live=False,
    )
    if isinstance(page, TemplatePage) and meta.template:
        page.template_file = _document(f"{meta.title}.docx", template_docx(meta.template))
    index.add_child(instance=page)
    page.author_organizations.set(Organization.objects.filter(slug__in=meta.organizations))
    page.fields_of_action.set(FieldOfAction.objects.filter(key__in=meta.fields))
    page.calls.set(Call.objects.filter(slug__in=meta.calls))
    page.interpreted_sections.set(
        [
            section
            for wanted in meta.sections
            for section in CallSection.objects.filter(
                version__call__slug=wanted.call,
                version__number=wanted.version,
                number=wanted.number,
            )
        ]
    )
    for position, attachment in enumerate(meta.attachments):
        document = _document(
            f"{attachment.title}.docx", text_docx(attachment.title, attachment.text)
        )
        page.attachments.add(
            ArticleAttachment(
                document=document, visibility=attachment.visibility, sort_order=position
            )
        )
    for position, url in enumerate(meta.links):
        page.links.add(ArticleLink(url=url, sort_order=position))
    page.save()
    return page


def _document(filename: str, content: bytes) -> object:
    document = get_document_model()(title=filename.removesuffix(".docx"))
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document
