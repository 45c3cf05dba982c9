"""Access-matrix rows of the CMS pages and documents (see tests/access.py)."""

from django.core.files.base import ContentFile

from tests.access import PUBLIC, Base, everyone

ROWS = {
    "wagtail_serve": PUBLIC,
    "wagtailcore_authenticate_with_password": everyone(404),
    "wagtaildocs_serve": PUBLIC,
    "wagtaildocs_authenticate_with_password": everyone(404),
}


def objects(base: Base) -> dict:
    from wagtail.documents.models import Document

    document = Document(title="Satzung")
    document.file.save("satzung.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    document.save()
    return {"document": document}


PARAMETERS = {
    "restriction_id": lambda values: 999_999,
    "page_view_restriction_id": lambda values: 999_999,
    "page_id": lambda values: 999_999,
}
POSITIONAL = {
    "wagtaildocs_serve": lambda v: [v["document"].pk, v["document"].filename],
    "wagtail_serve": lambda v: [""],
}
