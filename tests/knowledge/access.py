"""Access-matrix rows of the CMS pages and documents (see tests/access.py)."""

from django.core.files.base import ContentFile

from tests.access import COORDINATION, LOGIN, PUBLIC, Base, everyone, row

ROWS = {
    "wagtail_serve": PUBLIC,
    "wagtailcore_authenticate_with_password": everyone(404),
    "wagtaildocs_serve": PUBLIC,
    "wagtaildocs_authenticate_with_password": everyone(404),
    "knowledge:index": PUBLIC,
    "knowledge:report_from_event": COORDINATION,
    "knowledge-article-list": PUBLIC,
    "knowledge-article-list [format]": PUBLIC,
    # A network attachment of a public article; organisation A is no
    # network member in the matrix, so only mentors and coordinators.
    "knowledge:attachment": row(LOGIN, 404, 404, 404, 200, 200, 200),
    # Reporting a barrier: anyone (tests/knowledge/test_accessibility_feedback.py).
    "accessibility_feedback": PUBLIC,
}


def objects(base: Base) -> dict:
    from wagtail.documents.models import Document

    document = Document(title="Satzung")
    document.file.save("satzung.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    document.save()
    return {"document": document, **_knowledge_article()}


def _knowledge_article() -> dict:
    from wagtail.documents.models import Document

    from ikone.knowledge.demo import seed_demo_pages
    from ikone.knowledge.models import ArticleAttachment, HomePage
    from tests.knowledge.factories import add_article, add_knowledge_index

    if not HomePage.objects.exists():
        seed_demo_pages()
    article = add_article(
        add_knowledge_index(HomePage.objects.get()), title="Matrix", publish=False
    )
    file = Document(title="Netzwerkdatei")
    file.file.save("netz.txt", ContentFile(b"intern"), save=False)
    file.save()
    article.attachments.add(ArticleAttachment(document=file, visibility="network"))
    article.save()
    article.save_revision().publish()
    return {"article": article, "attachment": article.attachments.get()}


PARAMETERS = {
    "restriction_id": lambda values: 999_999,
    "page_view_restriction_id": lambda values: 999_999,
    "page_id": lambda values: 999_999,
}
POSITIONAL = {
    "wagtaildocs_serve": lambda v: [v["document"].pk, v["document"].filename],
    "wagtail_serve": lambda v: [""],
}
SLUG_BY_PREFIX = {"wissen/": lambda v: v["article"].slug}
PK_BY_SEGMENT = {"anhang/": lambda v: v["attachment"].pk}
