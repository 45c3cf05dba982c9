"""Question-like queries on /suche/ and /api/v1/search/ get the answering
passages first (hybrid ranking, the best sentence marked, a link to the
section anchor); a municipality's name still finds the municipality first
and gets no answer block (issue 16, points 3–6)."""

from __future__ import annotations

import pytest

from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.selectors import site_search
from ikone.qa.retrieval.site_answers import is_question, names_place
from tests.search.conftest import put

pytestmark = pytest.mark.django_db


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
        put(
            "call_section",
            1,
            "3.1 Förderquote",
            "Gefördert werden 65 % der förderfähigen Ausgaben.",
            group="call:1",
        ),
        put("municipality", 7, "Selbitz, St", "Stadt · Hof · Bayern"),
    ]
    embed_documents([doc.pk for doc in docs])


def test_question_like_queries_and_places_are_told_apart(content):
    assert is_question("Wie viel müssen wir als Kommune selbst bezahlen?")
    assert not is_question("Förderquote")
    assert names_place("Wie viele Einwohner hat Selbitz?")
    assert not names_place("Wie viel müssen wir selbst bezahlen?")


def test_a_question_gets_the_answering_sentence_above_the_results(content, client):
    page = site_search(
        audience=ANONYMOUS, query="Wie viel müssen wir als Kommune selbst bezahlen?"
    )
    assert page.answers
    first = page.answers[0]
    assert first.source == "Abschnitt 3.1 Förderquote"
    assert first.url == "/call_passage/1:1/"
    assert "<mark>Eigenanteil</mark>" in first.sentence
    response = client.get("/suche/", {"q": "Wie viel müssen wir als Kommune selbst bezahlen?"})
    html = response.content.decode()
    assert "Antworten auf Ihre Frage" in html
    assert (
        html.index("Antworten auf Ihre Frage") < html.index("Selbitz")
        if "Selbitz" in html
        else True
    )
    api = client.get("/api/v1/search/", {"q": "Wie viel müssen wir als Kommune selbst bezahlen?"})
    assert api.json()["answers"][0]["source"] == "Abschnitt 3.1 Förderquote"
    assert api.json()["answers"][0]["url"].endswith("/call_passage/1:1/")


def test_a_place_name_finds_the_place_first_without_answers(content):
    page = site_search(audience=ANONYMOUS, query="Selbitz")
    assert page.results[0].title == "Selbitz, St"
    assert not page.answers
    asked = site_search(audience=ANONYMOUS, query="Wie viele Einwohner hat Selbitz?")
    assert not asked.answers


def test_passages_are_not_listed_twice(content):
    page = site_search(audience=ANONYMOUS, query="Förderquote")
    assert [result.kind for result in page.results] == ["call_section"]
