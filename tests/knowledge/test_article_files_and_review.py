"""Attachments checked on download (also through /dokumente/), the
"Auslegung prüfen" flag when a call changes an interpreted section, and the
Vorlage's DOCX placeholders."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from ikone.calls import services as call_services
from ikone.calls.text import paragraphs_to_html
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.knowledge.docx_templates import fill_docx, placeholders, template_docx
from ikone.knowledge.models import ArticleAttachment, ArticleReview, ArticleVisibility
from tests.accounts.factories import NetworkMembershipFactory
from tests.calls.factories import make_call
from tests.core.helpers import sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return add_knowledge_index(home)


def _document(title: str) -> Document:
    document = Document(title=title)
    document.file.save(f"{title}.txt", ContentFile(b"Inhalt"), save=False)
    document.save()
    return document


@pytest.fixture
def files(index):
    """A public article with a public and a network attachment."""
    article = add_article(index, title="Mit Anhang", slug="mit-anhang", publish=False)
    public = ArticleAttachment(document=_document("offen"), visibility=ArticleVisibility.PUBLIC)
    network = ArticleAttachment(document=_document("intern"), visibility=ArticleVisibility.NETWORK)
    article.attachments.add(public)
    article.attachments.add(network)
    article.save()
    article.save_revision().publish()
    return (
        article,
        article.attachments.get(document__title="offen"),
        article.attachments.get(document__title="intern"),
    )


def _download(client, article, attachment):
    return client.get(
        reverse("knowledge:attachment", kwargs={"slug": article.slug, "pk": attachment.pk})
    )


def test_attachments_by_visibility(client, files, staff_member, other_staff, primary_network):
    article, public, network = files
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    assert _download(client, article, public).status_code == 200
    assert _download(client, article, network).status_code == 302  # sign in first
    assert "intern" not in client.get(article.url).content.decode()
    sign_in(client, other_staff)
    assert _download(client, article, network).status_code == 404
    client.logout()
    sign_in(client, staff_member)
    response = _download(client, article, network)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Inhalt"
    assert "intern" in client.get(article.url).content.decode()


def test_wagtail_document_urls_follow_the_same_rule(client, files, other_staff, mentor):
    _article, public, network = files
    assert client.get(public.document.url).status_code == 200
    assert client.get(network.document.url).status_code == 302
    sign_in(client, other_staff)
    assert client.get(network.document.url).status_code == 404
    client.logout()
    sign_in(client, mentor)
    assert client.get(network.document.url).status_code == 200


def test_a_network_article_makes_its_files_network_files(client, index):
    article = add_article(
        index, title="Intern", slug="intern", visibility=ArticleVisibility.NETWORK, publish=False
    )
    article.attachments.add(ArticleAttachment(document=_document("datei")))
    article.save()
    article.save_revision().publish()
    attachment = article.attachments.get()
    assert _download(client, article, attachment).status_code == 302
    assert client.get(attachment.document.url).status_code == 302


def _amend(call, number: str) -> None:
    call_services.publish_amendment(
        call=call,
        changes={
            number: call_services.SectionText(title="Neu", text=paragraphs_to_html("Neuer Text."))
        },
        note="Geändert.",
        actor=Actor.system(),
        check_permission=False,
    )


def test_amending_an_interpreted_section_flags_the_article(client, index):
    call = make_call("aufruf-r")
    sections = {s.number: s for s in call.current_version.sections.all()}
    flagged = add_article(
        index, title="Legt 1.2 aus", slug="legt-a", interpreted_sections=[sections["1.2"]]
    )
    other = add_article(
        index, title="Legt 1.1 aus", slug="legt-b", interpreted_sections=[sections["1.1"]]
    )
    _amend(call, "1.2")
    review = ArticleReview.objects.get(article=flagged)
    assert review.needs_review and review.review_numbers == ["1.2"]
    assert not ArticleReview.objects.filter(article=other, needs_review=True).exists()
    assert AuditEntry.objects.filter(action="knowledge.article.flagged").count() == 1
    assert "Auslegung prüfen" in client.get(flagged.url).content.decode()
    assert "Auslegung prüfen" in client.get(reverse("knowledge:index")).content.decode()
    # Publishing the article again is the editor's confirmation.
    flagged.save_revision().publish()
    review.refresh_from_db()
    assert not review.needs_review
    assert "Auslegung prüfen" not in client.get(flagged.url).content.decode()


def test_an_article_on_the_new_wording_is_not_flagged_again(index):
    call = make_call("aufruf-s", amended=True)  # version 2 changed 1.2
    current = call.current_version.sections.get(number="1.2")
    article = add_article(index, title="Auf Fassung 2", interpreted_sections=[current])
    from ikone.knowledge.services_review import articles_flag_for_amendment

    assert (
        articles_flag_for_amendment(call=call, changed_numbers=["1.2"], new_version_number=2) == 0
    )
    assert not ArticleReview.objects.filter(article=article).exists()


def test_template_placeholders_are_filled():
    content = template_docx(
        ["Beschluss der Gemeinde {{gemeinde}}", "Eigenanteil {{eigenanteil}} für {{aufruf}}."]
    )
    assert placeholders(content) == ["gemeinde", "eigenanteil", "aufruf"]
    filled = fill_docx(content, {"gemeinde": "Linz am Rhein", "eigenanteil": "10 %"})
    text = [paragraph.text for paragraph in docx.Document(BytesIO(filled)).paragraphs]
    assert text == ["Beschluss der Gemeinde Linz am Rhein", "Eigenanteil 10 % für {{aufruf}}."]
