"""Templates that are used: the knowledge base's Muster-Ratsbeschluss is
filled from a draft with one click on the documents checklist and kept as
the file of the draft's "Ratsbeschluss"."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from ikone.applications.models import DocumentStatus, DraftDocument
from ikone.knowledge.demo import seed_demo_pages
from ikone.knowledge.docx_templates import template_docx
from ikone.knowledge.models import HomePage, TemplatePage
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_template(db) -> TemplatePage:
    seed_demo_pages()
    file = Document(title="Muster-Ratsbeschluss")
    content = template_docx(
        [
            "Beschluss der Gemeinde {{gemeinde}}",
            "Bewerbung im Förderaufruf „{{aufruf}}“ mit einem Eigenanteil von {{eigenanteil}}.",
        ]
    )
    file.file.save("muster.docx", ContentFile(content), save=False)
    file.save()
    index = add_knowledge_index(HomePage.objects.get())
    return add_article(
        index, TemplatePage, title="Muster-Ratsbeschluss", slug="muster", template_file=file
    )


def test_fill_the_template_from_the_draft_and_download_it(
    client, workshop_draft, staff_member, council_template, required_documents
):
    council = required_documents[0]
    sign_in(client, staff_member)
    page = client.get(reverse("applications:documents", args=[workshop_draft.pk]))
    assert "Aus der Vorlage „Muster-Ratsbeschluss“ ausfüllen" in page.content.decode()
    response = client.post(
        reverse("applications:document_template", args=[workshop_draft.pk, council.pk]),
        {"vorlage": f"knowledge:{council_template.pk}"},
    )
    assert response.status_code == 302
    document = DraftDocument.objects.get(draft=workshop_draft, required_document=council)
    assert document.status == DocumentStatus.IN_PROGRESS
    download = client.get(
        reverse("applications:document_download", args=[workshop_draft.pk, council.pk])
    )
    text = [
        p.text for p in docx.Document(BytesIO(b"".join(download.streaming_content))).paragraphs
    ]
    assert text[0] == "Beschluss der Gemeinde Stadt Astadt"
    assert workshop_draft.call.title in text[1]
    assert "{{" not in " ".join(text)


def test_only_the_organisation_fills_and_unknown_templates_are_refused(
    client, workshop_draft, other_staff, staff_member, required_documents, council_template
):
    url = reverse(
        "applications:document_template", args=[workshop_draft.pk, required_documents[0].pk]
    )
    sign_in(client, other_staff)
    assert client.post(url, {"vorlage": f"knowledge:{council_template.pk}"}).status_code == 404
    client.logout()
    sign_in(client, staff_member)
    client.post(url, {"vorlage": "knowledge:999999"})
    assert not DraftDocument.objects.filter(draft=workshop_draft, file__gt="").exists()
