"""The site-wide search: stemming, folding, visibility per role, facets,
pages, snippets, query counts, index maintenance."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.core.search.audience import ANONYMOUS, audience_for
from ikone.core.search.index import rebuild
from ikone.core.search.models import SearchDocument, Visibility
from ikone.core.search.selectors import PAGE_SIZE, site_search
from tests.accounts.factories import OrganizationFactory
from tests.search.conftest import put

pytestmark = pytest.mark.django_db

URL = "/suche/"


def titles(page):
    return [str(result.title_html) for result in page.results]


def test_plural_query_finds_singular_text():
    put("call_section", 1, "3.4 Förderquote", "Der Bund trägt 65 Prozent der Ausgaben.")
    page = site_search(audience=ANONYMOUS, query="Förderquoten")
    assert titles(page) == ["3.4 <mark>Förderquote</mark>"]


@pytest.mark.parametrize("query", ["Foerderquote", "Forderquote", "FÖRDERQUOTE", "förderquote"])
def test_umlauts_are_folded(query):
    put("call_section", 1, "3.4 Förderquoten", "")
    assert site_search(audience=ANONYMOUS, query=query).total == 1


def test_the_start_of_a_compound_finds_it():
    put("call_section", 1, "Förderquote", "")
    assert site_search(audience=ANONYMOUS, query="Förder").total == 1


def test_every_word_must_match_else_partial_results_are_marked():
    put("call_section", 1, "Förderquote für Kommunen", "")
    put("call_section", 2, "Förderquote", "Haushaltsnotlage")
    both = site_search(audience=ANONYMOUS, query="Förderquote Haushaltsnotlage")
    assert both.total == 1 and not both.partial
    some = site_search(audience=ANONYMOUS, query="Kommunen Haushaltsnotlage")
    assert some.total == 2 and some.partial


def test_title_matches_rank_before_body_matches():
    put("call_section", 1, "Allgemeines", "Hier steht auch etwas zum Eigenanteil der Kommune.")
    put("call_section", 2, "Eigenanteil", "Wie viel die Kommune selbst trägt.")
    page = site_search(audience=ANONYMOUS, query="Eigenanteil")
    assert [r.url for r in page.results] == ["/call_section/2/", "/call_section/1/"]


def test_facets_count_per_kind_and_filter_by_kind():
    put("call_section", 1, "Digitale Daseinsvorsorge", "")
    put("question", 2, "Daseinsvorsorge im ländlichen Raum", "")
    put("question", 3, "Was zählt zur Daseinsvorsorge?", "")
    page = site_search(audience=ANONYMOUS, query="daseinsvorsorge")
    assert {facet.kind: facet.count for facet in page.facets} == {"call_section": 1, "question": 2}
    only = site_search(audience=ANONYMOUS, query="daseinsvorsorge", kind="question")
    assert only.total == 2 and {r.kind for r in only.results} == {"question"}
    assert [f.kind for f in only.facets if f.active] == ["question"]


def test_pages():
    for number in range(PAGE_SIZE + 5):
        put("municipality", number, f"Musterstadt {number}", "Gemeinde")
    first = site_search(audience=ANONYMOUS, query="Musterstadt")
    second = site_search(audience=ANONYMOUS, query="Musterstadt", page=2)
    assert first.total == PAGE_SIZE + 5 and first.pages == 2
    assert len(first.results) == PAGE_SIZE and len(second.results) == 5
    assert not set(titles(first)) & set(titles(second))
    assert second.first_index == PAGE_SIZE + 1


def test_empty_query_searches_nothing(client):
    put("municipality", 1, "Musterstadt", "")
    assert site_search(audience=ANONYMOUS, query="  die  ").results == []
    assert client.get(URL).status_code == 200


# --- Visibility per role -------------------------------------------------------


@pytest.fixture
def documents(organization, other_organization, staff_member):
    put("question", 1, "Öffentliche Frage zur Antragsskizze")
    put("question", 2, "Netzwerkfrage zur Antragsskizze", visibility=Visibility.NETWORK)
    put("question", 3, "Mentorenfrage zur Antragsskizze", visibility=Visibility.MENTORS)
    put(
        "question",
        4,
        "Frage von Organisation A zur Antragsskizze",
        visibility=Visibility.MENTORS,
        organization_id=organization.pk,
    )
    put(
        "question",
        5,
        "Frage von Organisation B zur Antragsskizze",
        visibility=Visibility.PRIVATE,
        organization_id=other_organization.pk,
    )


EXPECTED = {
    # Organisation A is a network member (fixture network_member_a); B is not.
    "anonymous": {1},
    "staff_a": {1, 2, 4},
    "contact_a": {1, 2, 4},
    "staff_b": {1, 5},
    "mentor": {1, 2, 3, 4},
    "coordinator": {1, 2, 3, 4, 5},
    "admin": {1, 2, 3, 4, 5},
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_finds_only_what_it_may_see(role, documents, network_member_a, client_for):
    response = client_for(role).get(URL, {"q": "Antragsskizze"})
    found = {
        int(doc.object_id)
        for doc in SearchDocument.objects.all()
        if doc.url in response.content.decode()
    }
    assert found == EXPECTED[role]


def test_network_documents_need_a_current_network_member(documents, staff_member):
    # Without network membership, organisation A's staff see public and own only.
    page = site_search(audience=audience_for(staff_member), query="Antragsskizze")
    assert {r.url for r in page.results} == {"/question/1/", "/question/4/"}


# --- The page ------------------------------------------------------------------------


def test_page_shows_highlighted_escaped_snippets(client):
    put("faq", 1, "Förderquote <script>", "Die Förderquote beträgt <b>65</b> Prozent.")
    response = client.get(URL, {"q": "förderquoten"})
    content = response.content.decode()
    assert "<mark>Förderquote</mark> &lt;script&gt;" in content
    assert "&lt;b&gt;65&lt;/b&gt;" in content
    assert "<script>" not in content.split("<main")[1].split("</main>")[0]


def test_htmx_request_gets_only_the_results(client):
    put("faq", 1, "Förderquote", "")
    response = client.get(URL, {"q": "Förderquote"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<html" not in content and "<mark>Förderquote</mark>" in content
    assert 'id="search-count" hx-swap-oob' in content


@pytest.mark.parametrize("role", ["anonymous", "staff_a", "coordinator"])
def test_query_count_is_bounded(role, client_for, django_assert_max_num_queries):
    client = client_for(role)
    for number in range(30):
        put("question", number, f"Frage {number} zum Eigenanteil", "Kofinanzierung")
    # layout (session, user, MFA check), audience (memberships), facets, page
    with django_assert_max_num_queries(7):
        response = client.get(URL, {"q": "Eigenanteil", "page": "2"})
    assert response.status_code == 200


def test_bad_page_numbers_are_harmless(client):
    put("faq", 1, "Förderquote", "")
    assert client.get(URL, {"q": "Förderquote", "page": "x"}).status_code == 200
    assert client.get(URL, {"q": "Förderquote", "page": "-3"}).status_code == 200
    assert client.get(URL, {"q": "Förderquote", "art": "nonsense"}).status_code == 200


# --- Keeping the index current ------------------------------------------------------


def test_saving_an_organisation_indexes_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = OrganizationFactory(name="Verbandsgemeinde Glücksdorf", slug="gluecksdorf")
    page = site_search(audience=ANONYMOUS, query="Gluecksdorf", kind="organization")
    assert [r.url for r in page.results] == [reverse("organizations:detail", args=[org.slug])]
    with django_capture_on_commit_callbacks(execute=True):
        org.delete()
    assert site_search(audience=ANONYMOUS, query="Glücksdorf", kind="organization").total == 0


def test_rebuild_reconciles_the_index(organization):
    put("organization", 999_999, "Verschwundene Organisation")
    counts = rebuild(["organization"])
    assert counts == {"organization": 1}
    assert list(SearchDocument.objects.values_list("kind", "object_id")) == [
        ("organization", str(organization.pk))
    ]
    assert site_search(audience=ANONYMOUS, query="Astadt").total == 1
