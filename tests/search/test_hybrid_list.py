"""The result list of /suche/ and /api/v1/search/ itself is ranked by the
hybrid ranking for question-like queries (issue 16, point 4): an item that
only the meaning finds is listed and counted in its facet, a passage stands
for its section, pages and facet counts add up, visibility per role is the
index's, and a query naming a municipality still finds it first."""

from __future__ import annotations

import pytest

from ikone.core.search.audience import ANONYMOUS, Audience
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.models import Visibility
from ikone.core.search.selectors import PAGE_SIZE, site_search
from tests.search.conftest import put

pytestmark = pytest.mark.django_db

# No word of this question (nor of its thesaurus expansion) occurs in the
# passage that answers it; only the meaning connects them.
PARAPHRASE = "Welchen Teil zahlt die Stadt?"
NETWORK = Audience(scopes=frozenset({Visibility.PUBLIC.value, Visibility.NETWORK.value}))


@pytest.fixture
def content():
    docs = [
        put(
            "call_passage",
            "1:1",
            "3.1 Förderquote",
            "Gefördert werden 65 % der förderfähigen Ausgaben. "
            "Die übrigen 35 % trägt die Kommune als Eigenanteil.",
            context="Beispielaufruf",
            group="call:1",
            suggestible=True,
        ),
        put("call_section", 1, "3.1 Förderquote", "Gefördert werden 65 %.", group="call:1"),
        put(
            "call_passage",
            "2:1",
            "5.2 Datenschutz",
            "Personenbezogene Daten werden nach der DSGVO verarbeitet.",
            group="call:1",
            suggestible=True,
        ),
        put("call_section", 2, "5.2 Datenschutz", "DSGVO.", group="call:1"),
        put("municipality", 7, "Selbitz, St", "Stadt · Hof · Bayern"),
    ]
    embed_documents([doc.pk for doc in docs])
    return docs


def _titles(page):
    return [result.title for result in page.results]


def test_the_paraphrase_shares_no_word_with_its_answer(content):
    """Guards the next test: a lexical-only list finds nothing here."""
    from ikone.core.search.backends import Query, get_backend
    from ikone.qa.retrieval.understanding import understand

    terms = understand(PARAPHRASE).terms
    query = Query(terms=tuple(terms), audience=ANONYMOUS, match_all=False, kinds=("call_section",))
    assert get_backend().facets(query).get("call_section", 0) == 0


def test_a_paraphrase_finds_the_answering_section_in_the_list(content, client):
    page = site_search(audience=ANONYMOUS, query=PARAPHRASE)
    assert page.results, "the hybrid list finds what only the meaning connects"
    assert page.results[0].title == "3.1 Förderquote"
    assert page.results[0].kind == "call_section"  # the passage stands for its section
    assert page.results[0].url == "/call_section/1/"
    facets = {facet.kind: facet.count for facet in page.facets}
    assert facets.get("call_section", 0) >= 1
    assert page.total == sum(facets.values())
    html = client.get("/suche/", {"q": PARAPHRASE}).content.decode()
    assert "/call_section/1/" in html
    api = client.get("/api/v1/search/", {"q": PARAPHRASE}).json()
    assert api["results"][0]["url"].endswith("/call_section/1/")
    assert api["count"] == sum(facet["count"] for facet in api["facets"])


def test_short_queries_keep_the_lexical_list(content):
    page = site_search(audience=ANONYMOUS, query="Stadt")
    assert _titles(page) == ["Selbitz, St"]


def test_a_named_municipality_still_comes_first(content):
    page = site_search(audience=ANONYMOUS, query="Wie viele Einwohner hat Selbitz?")
    assert page.results[0].title == "Selbitz, St"


def test_the_kind_filter_applies_to_what_the_meaning_found(content):
    page = site_search(audience=ANONYMOUS, query=PARAPHRASE, kind="call_section")
    assert page.results and {r.kind for r in page.results} == {"call_section"}
    assert page.total == len(page.results)
    none = site_search(audience=ANONYMOUS, query=PARAPHRASE, kind="event")
    assert none.results == []


def test_semantic_candidates_respect_visibility(content):
    hidden = put(
        "question",
        50,
        "Wie hoch ist der Anteil der Kommune?",
        "Die Kommune trägt 35 % der Ausgaben selbst.",
        visibility=Visibility.NETWORK,
        suggestible=True,
    )
    embed_documents([hidden.pk])
    assert "Wie hoch ist der Anteil der Kommune?" not in _titles(
        site_search(audience=ANONYMOUS, query=PARAPHRASE)
    )
    assert "Wie hoch ist der Anteil der Kommune?" in _titles(
        site_search(audience=NETWORK, query=PARAPHRASE)
    )


def test_pages_and_facets_add_up_for_a_long_hybrid_list(content):
    docs = [
        put(
            "call_passage",
            f"{100 + n}:1",
            f"4.{n} Ausgaben der Kommune",
            f"Die Stadt zahlt Teil {n} der Ausgaben aus eigenen Mitteln.",
            group="call:1",
            suggestible=True,
        )
        for n in range(30)
    ]
    docs += [
        put("call_section", 100 + n, f"4.{n} Ausgaben der Kommune", "Ausgaben.", group="call:1")
        for n in range(30)
    ]
    embed_documents([doc.pk for doc in docs])
    first = site_search(audience=ANONYMOUS, query=PARAPHRASE)
    second = site_search(audience=ANONYMOUS, query=PARAPHRASE, page=2)
    assert first.pages == 2
    assert len(first.results) == PAGE_SIZE
    listed = [r.url for r in first.results] + [r.url for r in second.results]
    assert len(listed) == len(set(listed)) == first.total
    assert first.total == sum(facet.count for facet in first.facets)


def test_a_hybrid_search_costs_a_bounded_number_of_queries(content, django_assert_max_num_queries):
    site_search(audience=ANONYMOUS, query=PARAPHRASE)  # thesaurus, call titles cached
    # facets (twice: all words, any word), place check, lexical candidates,
    # re-ranking, passages and their listed documents, which also match
    # the words, the lexical head, the page and the answers shown above.
    with django_assert_max_num_queries(12):
        site_search(audience=ANONYMOUS, query=PARAPHRASE)
