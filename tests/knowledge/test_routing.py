"""Wagtail's pages are served with their route as a memo
(knowledge.routing): a change to the page tree, a page, the site or a view
restriction applies from the next request on, and each request passes the
view restrictions and the article's own check as before."""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from ikone.knowledge.models import ArticleVisibility, KnowledgeIndexPage, TipPage
from tests.core.helpers import sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home) -> KnowledgeIndexPage:
    return add_knowledge_index(home)


def test_an_article_is_served_with_two_queries_less_each_time(
    client, index, staff_member, django_assert_max_num_queries
):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp")
    sign_in(client, staff_member)
    assert client.get(article.url).status_code == 200
    # The session's person and the viewer's organisations; nothing of the route.
    with django_assert_max_num_queries(5):
        response = client.get(article.url)
    assert response.status_code == 200
    assert "Ein Tipp" in response.content.decode()


def test_a_new_slug_moves_the_article(client, index):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp")
    assert client.get("/wissen/ein-tipp/").status_code == 200

    article.slug = "anderer-tipp"
    article.save_revision().publish()
    assert client.get("/wissen/ein-tipp/").status_code == 404
    assert client.get("/wissen/anderer-tipp/").status_code == 200


def test_an_unpublished_article_is_gone_at_once(client, index):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp")
    assert client.get("/wissen/ein-tipp/").status_code == 200
    article.unpublish()
    assert client.get("/wissen/ein-tipp/").status_code == 404
    TipPage.objects.get(pk=article.pk).save_revision().publish()
    assert client.get("/wissen/ein-tipp/").status_code == 200


def test_a_changed_article_shows_its_new_text(client, index):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp", summary="Alte Fassung.")
    assert "Alte Fassung." in client.get("/wissen/ein-tipp/").content.decode()
    article.summary = "Neue Fassung."
    article.save_revision().publish()
    assert "Neue Fassung." in client.get("/wissen/ein-tipp/").content.decode()


def test_a_missing_page_is_not_remembered(client, index):
    assert client.get("/wissen/noch-nicht/").status_code == 404
    add_article(index, title="Noch nicht", slug="noch-nicht")
    assert client.get("/wissen/noch-nicht/").status_code == 200


def test_a_view_restriction_applies_from_the_next_request(client, index, staff_member):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp")
    assert client.get(article.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=index.pk), restriction_type=PageViewRestriction.LOGIN
    )
    refused = client.get(article.url)
    assert refused.status_code == 302
    sign_in(client, staff_member)
    allowed = client.get(article.url)
    assert allowed.status_code == 200
    assert "no-cache" in allowed["Cache-Control"]

    client.logout()
    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_a_password_restriction_is_checked_per_request(client, index):
    article = add_article(index, title="Ein Tipp", slug="ein-tipp")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=article.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    assert 'name="password"' in client.get(article.url).content.decode()
    assert 'name="password"' in client.get(article.url).content.decode()


def test_the_article_checks_each_person(client, index, staff_member, other_staff, mentor):
    article = add_article(
        index, title="Intern", slug="intern", visibility=ArticleVisibility.NETWORK
    )
    sign_in(client, mentor)
    assert client.get(article.url).status_code == 200
    client.logout()
    sign_in(client, other_staff)
    assert client.get(article.url).status_code == 404
    client.logout()
    assert client.get(article.url).status_code == 404


def test_a_new_site_root_applies_at_once(client, index, home):
    add_article(index, title="Ein Tipp", slug="ein-tipp")
    assert client.get("/wissen/ein-tipp/").status_code == 200
    Site.objects.filter(is_default_site=True).update(root_page=index)
    assert client.get("/wissen/ein-tipp/").status_code == 404
    assert client.get("/ein-tipp/").status_code == 200
