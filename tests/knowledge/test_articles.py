"""The knowledge base: page types, the list at /wissen/ with filters, search
and htmx, who reads network articles, site-wide search and suggestions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ikone.core.models import FieldOfAction
from ikone.core.search.models import SearchDocument
from ikone.knowledge.models import (
    ArticleKind,
    ArticleVisibility,
    ExperienceReportPage,
    GuidePage,
    KnowledgeIndexPage,
    RecommendationPage,
    TemplatePage,
    TipPage,
)
from tests.accounts.factories import NetworkMembershipFactory
from tests.calls.factories import make_call
from tests.core.helpers import sign_in
from tests.knowledge.factories import add_article, add_knowledge_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home) -> KnowledgeIndexPage:
    return add_knowledge_index(home)


@pytest.fixture
def fields() -> list[FieldOfAction]:
    return [
        FieldOfAction.objects.get_or_create(key="mobility", defaults={"label": "Mobilität"})[0],
        FieldOfAction.objects.get_or_create(
            key="administration", defaults={"label": "Verwaltung"}
        )[0],
    ]


def test_every_kind_is_a_page_type_below_the_index(index):
    for page_type in (TipPage, ExperienceReportPage, RecommendationPage, GuidePage, TemplatePage):
        assert page_type.can_create_at(index)
        page = add_article(index, page_type, title=f"Beitrag {page_type.__name__}")
        assert page.kind == page_type.KIND
    assert set(KnowledgeIndexPage.allowed_subpage_models()) == {
        TipPage,
        ExperienceReportPage,
        RecommendationPage,
        GuidePage,
        TemplatePage,
    }


def test_list_filters_by_kind_field_call_and_year(client, index, fields):
    call = make_call("aufruf-a")
    add_article(
        index, TipPage, title="Mobil", fields_of_action=[fields[0]], date=dt.date(2021, 1, 5)
    )
    add_article(index, GuidePage, title="Leitfaden Rat", calls=[call], date=dt.date(2020, 12, 4))
    add_article(index, ExperienceReportPage, title="Bericht", date=dt.date(2024, 11, 15))

    def titles(query: str) -> list[str]:
        response = client.get(reverse("knowledge:index") + query)
        assert response.status_code == 200
        return [article.title for article in response.context["page_obj"].object_list]

    assert titles("") == ["Bericht", "Mobil", "Leitfaden Rat"]
    assert titles("?art=guide") == ["Leitfaden Rat"]
    assert titles("?handlungsfeld=mobility") == ["Mobil"]
    assert titles("?aufruf=aufruf-a") == ["Leitfaden Rat"]
    assert titles("?jahr=2024") == ["Bericht"]
    # Unknown values are reported and do not filter.
    response = client.get(reverse("knowledge:index") + "?art=roman")
    assert response.context["form"].errors
    assert len(response.context["page_obj"].object_list) == 3


def test_search_finds_articles_by_their_text(client, index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_article(
            index, title="Ratsbeschluss vorbereiten", summary="Beschlussvorlage rechtzeitig."
        )
        add_article(index, title="Sensoren", summary="Funknetze gemeinsam nutzen.")
    response = client.get(reverse("knowledge:index"), {"q": "Beschlussvorlage"})
    assert [a.title for a in response.context["page_obj"].object_list] == [
        "Ratsbeschluss vorbereiten"
    ]


def test_search_keeps_network_articles_to_the_network_and_orders_by_date(
    client, index, staff_member, primary_network, django_capture_on_commit_callbacks
):
    """The search is a subquery of the list's own queries (docs/search.md):
    it applies the reader's visibility, finds every match and leaves the
    order to the list (newest first)."""

    with django_capture_on_commit_callbacks(execute=True):
        add_article(index, title="Alt", summary="Beschlussvorlage.", date=dt.date(2024, 1, 5))
        add_article(
            index,
            title="Intern",
            slug="intern",
            summary="Beschlussvorlage intern.",
            visibility=ArticleVisibility.NETWORK,
            date=dt.date(2025, 3, 1),
        )
        add_article(index, title="Neu", summary="Beschlussvorlagen.", date=dt.date(2026, 2, 1))
        add_article(index, title="Anderes", summary="Sensoren.", date=dt.date(2026, 3, 1))

    def found() -> list[str]:
        response = client.get(reverse("knowledge:index"), {"q": "Beschlussvorlage"})
        return [a.title for a in response.context["page_obj"].object_list]

    assert found() == ["Neu", "Alt"]
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    sign_in(client, staff_member)
    assert found() == ["Neu", "Intern", "Alt"]


def test_htmx_gets_only_the_results(client, index):
    add_article(index, title="Früh beginnen")
    response = client.get(reverse("knowledge:index"), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "Früh beginnen" in content
    assert "<form" not in content
    assert response["Vary"].count("HX-Request") == 1


def test_network_articles_only_for_the_network(
    client, index, staff_member, other_staff, mentor, primary_network
):
    network_article = add_article(
        index, title="Intern", slug="intern", visibility=ArticleVisibility.NETWORK
    )
    NetworkMembershipFactory(
        organization=staff_member.memberships.get().organization, network=primary_network
    )
    url = network_article.url
    assert client.get(url).status_code == 404
    assert "Intern" not in client.get(reverse("knowledge:index")).content.decode()
    for user, status in ((other_staff, 404), (staff_member, 200), (mentor, 200)):
        sign_in(client, user)
        assert client.get(url).status_code == status, user
        listed = "Intern" in client.get(reverse("knowledge:index")).content.decode()
        assert listed == (status == 200)
        client.logout()


def test_article_page_shows_tags_sections_and_related(client, index, fields):
    call = make_call("aufruf-b")
    section = call.current_version.sections.get(number="1.2")
    article = add_article(
        index,
        GuidePage,
        title="Ausgaben planen",
        fields_of_action=[fields[1]],
        calls=[call],
        interpreted_sections=[section],
        guest_authors="Gast Eins, Gast Zwei",
    )
    content = client.get(article.url).content.decode()
    assert section.get_absolute_url() in content
    assert "Gast Zwei" in content
    assert "Verwaltung" in content
    assert "Leitfaden" in content


def test_articles_are_found_and_suggested(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_article(
            index, title="Eigenanteil berechnen", summary="So rechnen Sie den Eigenanteil."
        )
        add_article(
            index, title="Nur intern", slug="nur-intern", visibility=ArticleVisibility.NETWORK
        )
    documents = {doc.title: doc for doc in SearchDocument.objects.filter(kind="article")}
    assert documents["Eigenanteil berechnen"].suggestible
    assert documents["Eigenanteil berechnen"].url == "/wissen/eigenanteil-berechnen/"
    assert documents["Nur intern"].visibility == "network"


def test_unpublished_articles_leave_the_index(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = add_article(index, title="Bald weg")
    assert SearchDocument.objects.filter(kind="article", object_id=str(article.pk)).exists()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert not SearchDocument.objects.filter(kind="article", object_id=str(article.pk)).exists()


def test_scheduled_articles_wait_for_their_time(index, client):
    from django.core.management import call_command
    from django.utils import timezone

    article = add_article(index, title="Später", publish=False)
    article.go_live_at = timezone.now() + dt.timedelta(days=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(reverse("knowledge:index")).context["paginator"].count == 0
    revision.refresh_from_db()
    assert revision.approved_go_live_at == article.go_live_at
    # `ikone publish_scheduled` (cron, docs/knowledge.md) publishes it then.
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live


def test_list_and_article_query_budgets(
    client,
    index,
    fields,
    django_assert_max_num_queries,
    staff_member,
    django_capture_on_commit_callbacks,
):
    call = make_call("aufruf-c")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(12):
            add_article(
                index,
                title=f"Beitrag {number}",
                fields_of_action=fields,
                calls=[call],
                kind=ArticleKind.TIP,
            )
    sign_in(client, staff_member)
    client.get(reverse("knowledge:index"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("knowledge:index")).status_code == 200
    # The search adds no query of its own: it is a subquery of the list's.
    with django_assert_max_num_queries(10):
        assert client.get(reverse("knowledge:index"), {"q": "Beitrag"}).status_code == 200
    article = TipPage.objects.get(slug="beitrag-3")
    client.get(article.url)
    with django_assert_max_num_queries(12):
        assert client.get(article.url).status_code == 200


def test_api_lists_public_articles_only(client, index):
    add_article(index, title="Öffentlich", slug="oeffentlich")
    add_article(index, title="Intern", slug="intern-api", visibility=ArticleVisibility.NETWORK)
    response = client.get("/api/v1/knowledge/", {"art": "tip"})
    assert response.status_code == 200
    body = response.json()
    items = body["results"] if isinstance(body, dict) else body
    assert [item["title"] for item in items] == ["Öffentlich"]
    assert items[0]["url"].endswith("/wissen/oeffentlich/")
    assert client.get("/api/v1/knowledge/", {"art": "roman"}).status_code == 400


def test_article_paragraphs_are_passages_that_answer_with_their_anchor(
    index, django_capture_on_commit_callbacks
):
    """Issue 16, point 2: each paragraph of a live article is a passage
    that knows its article, heading anchor and visibility; it is embedded
    in the background and suggested, network-only ones not to visitors."""
    from wagtail.rich_text import RichText

    from ikone.core.search.audience import ANONYMOUS, Audience
    from ikone.qa.retrieval.suggestions import suggest

    body = [
        ("heading", {"text": "Personal anrechnen", "level": "h2"}),
        (
            "paragraph",
            RichText(
                "<p>Vorhandenes Stammpersonal der Stadtverwaltung zählt nicht als "
                "Eigenanteil der Kommune.</p><p>Neu eingestellte Projektstellen zählen.</p>"
            ),
        ),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        public = add_article(index, title="Eigenanteil berechnen", body=body)
        # Worded on its own: a passage that repeats another word for word
        # is suggested once, as the first of them (units._same_text).
        internal = [
            ("heading", {"text": "Personal intern", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Intern gilt: Stammpersonal zählt nicht als Eigenanteil der "
                    "Kommune, befristete Projektstellen schon.</p>"
                ),
            ),
        ]
        add_article(
            index,
            title="Nur intern",
            slug="nur-intern",
            visibility=ArticleVisibility.NETWORK,
            body=internal,
        )
    passages = SearchDocument.objects.filter(kind="article_passage").order_by("object_id")
    mine = [doc for doc in passages if doc.object_id.startswith(f"{public.pk}:")]
    assert [doc.body for doc in mine] == [
        "Kurz gesagt.",
        "Vorhandenes Stammpersonal der Stadtverwaltung zählt nicht als Eigenanteil der Kommune.",
        "Neu eingestellte Projektstellen zählen.",
    ]
    assert mine[1].url == "/wissen/eigenanteil-berechnen/#personal-anrechnen"
    assert mine[1].title == "Eigenanteil berechnen – Personal anrechnen"
    assert all(doc.embedding for doc in passages)  # the background task ran
    assert {doc.visibility for doc in passages} == {"public", "network"}

    question = "Zählt unser Stammpersonal als Eigenanteil der Kommune?"
    shown = suggest(audience=ANONYMOUS, title=question)
    assert [item.url for item in shown.knowledge][:1] == [
        "/wissen/eigenanteil-berechnen/#personal-anrechnen"
    ]
    assert not any("nur-intern" in item.url for item in shown.knowledge)
    network = Audience(scopes=frozenset({"public", "network"}))
    assert any(
        "nur-intern" in item.url for item in suggest(audience=network, title=question).knowledge
    )


def test_the_intro_is_read_once_per_change_of_pages(client, index, django_assert_num_queries):
    """/wissen/ shows the index page's intro from a memo: a second read asks
    nothing, an edited and published intro shows on the next visit."""
    from ikone.knowledge.selectors_articles import index_intro

    index.intro = "Erste Fassung der Einleitung."
    index.save_revision().publish()
    assert "Erste Fassung" in client.get(reverse("knowledge:index")).content.decode()
    with django_assert_num_queries(0):
        assert index_intro() == "Erste Fassung der Einleitung."
    index.intro = "Zweite Fassung der Einleitung."
    index.save_revision().publish()
    assert "Zweite Fassung" in client.get(reverse("knowledge:index")).content.decode()


def test_list_results_are_reused_until_an_article_changes(
    client, index, django_assert_max_num_queries
):
    """The count and the cards of a page are a memo per scopes, filters, page
    and language: a repeated visit reads no article, a published or renamed
    article shows on the next."""
    first = add_article(index, title="Erster Beitrag", date=dt.date(2024, 1, 5))
    url = reverse("knowledge:index")
    assert "Erster Beitrag" in client.get(url).content.decode()
    with django_assert_max_num_queries(1):
        again = client.get(url)
    assert "Erster Beitrag" in again.content.decode()
    add_article(index, title="Zweiter Beitrag", date=dt.date(2025, 1, 5))
    content = client.get(url).content.decode()
    assert "Zweiter Beitrag" in content
    assert "2 Beiträge gefunden" in content
    first.title = "Umbenannt"
    first.save_revision().publish()
    content = client.get(url).content.decode()
    assert "Umbenannt" in content
    assert "Erster Beitrag" not in content
    assert "Umbenannt" in client.get(url, {"seite": "7"}).content.decode()
