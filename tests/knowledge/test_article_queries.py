"""The article page's query budget (issue 13: ≤ 12 queries) with every
kind of related content filled in: authors with and without an account,
fields of action, calls, interpreted sections with a review flag,
attachments and related questions."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from ikone.core.models import FieldOfAction
from ikone.knowledge.models import ArticleAttachment, ArticleLink, ArticleReview
from tests.accounts.factories import NetworkMembershipFactory, OrganizationFactory
from tests.calls.factories import make_call
from tests.core.helpers import sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 12


def _document(title: str) -> Document:
    document = Document(title=title)
    document.file.save(f"{title}.txt", ContentFile(b"Inhalt"), save=False)
    document.save()
    return document


def _full_article(home, staff_member, count: int):
    index = add_knowledge_index(home)
    calls = [make_call(f"aufruf-{number}") for number in range(count)]
    sections = [section for call in calls for section in call.current_version.sections.all()]
    fields = [
        FieldOfAction.objects.get_or_create(key=f"feld-{n}", defaults={"label": f"Feld {n}"})[0]
        for n in range(count)
    ]
    article = add_article(
        index,
        title="Voller Beitrag",
        slug="voller-beitrag",
        publish=False,
        guest_authors="Gabi Gast, Gero Gast",
        fields_of_action=fields,
        calls=calls,
        interpreted_sections=sections,
        author_organizations=[OrganizationFactory() for _ in range(count)],
    )
    article.author_people.set([staff_member])
    for number in range(count):
        article.attachments.add(
            ArticleAttachment(document=_document(f"anhang-{number}"), visibility="network")
        )
    related = [
        add_article(index, title=f"Verwandt {n}", slug=f"verwandt-{n}") for n in range(count)
    ]
    for page in related:
        article.links.add(ArticleLink(url=page.url))
    article.save()
    article.save_revision().publish()
    ArticleReview.objects.create(article=article, needs_review=True, review_numbers=["1.2"])
    return article


@pytest.mark.parametrize("count", [1, 4])
def test_a_full_article_stays_within_the_page_budget(
    client,
    home,
    staff_member,
    primary_network,
    count,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = _full_article(home, staff_member, count)
    sign_in(client, staff_member)
    client.get(article.url)
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Auslegung prüfen" in html
    assert "Gabi Gast" in html and "Till Team" in html
    assert html.count("anhang-") == count
    assert f"Verwandt {count - 1}" in html


def test_the_cached_related_items_follow_publishing_and_the_review_flag(
    client, home, staff_member, primary_network, django_capture_on_commit_callbacks
):
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = _full_article(home, staff_member, 1)
    sign_in(client, staff_member)
    assert "Gabi Gast" in client.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.attachments.add(ArticleAttachment(document=_document("nachgereicht")))
        article.save()
        article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "nachgereicht" in html
    # Publishing again is the editor's confirmation: the flag is gone at once.
    assert "Auslegung prüfen" not in html


def test_a_preview_shows_the_revision_not_the_cached_page(
    home, staff_member, django_capture_on_commit_callbacks
):
    from ikone.knowledge.article_related import article_related

    with django_capture_on_commit_callbacks(execute=True):
        article = _full_article(home, staff_member, 1)
    assert article_related(article).people == ["Till Team"]
    article.author_people.set([])  # an unpublished change, as in the editor
    assert article_related(article).people == ["Till Team"]  # the live page, cached
    assert article_related(article, cached=False).people == []
