"""/wissen/ for signed-in people: the page below the layout is a memo
(knowledge.views.article_list, issue 15) per search audience, query string
and part; a change to an article shows at once and nobody sees another
person's list."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.knowledge.models import ArticleVisibility, KnowledgeIndexPage
from tests.accounts.factories import NetworkMembershipFactory
from tests.core.helpers import get_counted, sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db

SEARCH = {"q": "Beschlussvorlage"}


@pytest.fixture
def index(home) -> KnowledgeIndexPage:
    return add_knowledge_index(home)


@pytest.fixture
def articles(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = add_article(
            index, title="Alpha-Tipp", summary="Beschlussvorlage.", date=dt.date(2024, 1, 5)
        )
        network = add_article(
            index,
            title="Beta-Intern",
            slug="intern",
            summary="Beschlussvorlage intern.",
            visibility=ArticleVisibility.NETWORK,
            date=dt.date(2025, 3, 1),
        )
    return public, network


def _without_tokens(html: str) -> str:
    return re.sub(r'"[A-Za-z0-9]{64}"', "", html)


@pytest.mark.parametrize("params", [SEARCH, {}, {"art": "tip", "seite": "1"}])
def test_a_second_visit_reads_no_article(client, staff_member, articles, params):
    sign_in(client, staff_member)
    first, content = get_counted(client, reverse("knowledge:index"), params)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(reverse("knowledge:index"), params).content.decode()
    assert _without_tokens(again) == _without_tokens(content)
    assert len(captured) < first
    assert not any("knowledge" in query["sql"] for query in captured.captured_queries)


def test_a_new_changed_or_unpublished_article_shows_at_once(
    client, index, staff_member, articles, django_capture_on_commit_callbacks
):
    public, _network = articles
    sign_in(client, staff_member)
    assert "Alpha-Tipp" in get_counted(client, reverse("knowledge:index"), SEARCH)[1]
    with django_capture_on_commit_callbacks(execute=True):
        add_article(
            index, title="Gamma-Neu", summary="Beschlussvorlagen.", date=dt.date(2026, 2, 1)
        )
    content = get_counted(client, reverse("knowledge:index"), SEARCH)[1]
    assert "Gamma-Neu" in content
    assert "2 Beiträge gefunden" in content
    with django_capture_on_commit_callbacks(execute=True):
        public.title = "Delta-Umbenannt"
        public.save_revision().publish()
    content = get_counted(client, reverse("knowledge:index"), SEARCH)[1]
    assert "Delta-Umbenannt" in content
    assert "Alpha-Tipp" not in content
    with django_capture_on_commit_callbacks(execute=True):
        public.unpublish()
    content = get_counted(client, reverse("knowledge:index"), SEARCH)[1]
    assert "Delta-Umbenannt" not in content
    assert "1 Beitrag gefunden" in content


@pytest.mark.parametrize("reverse_order", [False, True])
@pytest.mark.parametrize("params", [SEARCH, {}])
def test_each_person_sees_only_their_own_list(
    client,
    staff_member,
    other_staff,
    coordinator,
    primary_network,
    articles,
    reverse_order,
    params,
):
    """A member of the network sees the network article, someone outside
    does not, a coordinator sees it and the link to a report from an event;
    in either order, from the memo or not."""
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    people = [(staff_member, True, False), (other_staff, False, False), (coordinator, True, True)]
    if reverse_order:
        people.reverse()
    for _round in range(2):
        for user, sees_network, sees_link in people:
            sign_in(client, user)
            content = get_counted(client, reverse("knowledge:index"), params)[1]
            assert ("Beta-Intern" in content) == sees_network, user
            assert "Alpha-Tipp" in content
            assert (reverse("knowledge:report_from_event") in content) == sees_link, user
            client.logout()
    content = get_counted(client, reverse("knowledge:index"), params)[1]
    assert "Beta-Intern" not in content


def test_htmx_and_the_full_page_are_kept_apart(client, staff_member, articles):
    sign_in(client, staff_member)
    url = reverse("knowledge:index")
    fragment = client.get(url, SEARCH, HTTP_HX_REQUEST="true").content.decode()
    page = client.get(url, SEARCH).content.decode()
    assert "<form" not in fragment
    assert "<form" in page
    assert 'hx-swap-oob="innerHTML"' in fragment
    assert 'hx-swap-oob="innerHTML"' not in page
    assert client.get(url, SEARCH, HTTP_HX_REQUEST="true").content.decode() == fragment
