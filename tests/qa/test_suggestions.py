"""Suggestions while typing on /fragen/neu/: ranking, visibility, the
fragment and the page without JavaScript, the "answered" counter."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ikone.core.search.audience import ANONYMOUS, audience_for
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.models import SearchDocument, SuggestionOutcome, Visibility
from ikone.qa.retrieval.ranking import Ranked, fuse
from ikone.qa.retrieval.suggestions import remembered, suggest
from tests.accounts.fixtures import *  # noqa: F403
from tests.search.conftest import put

pytestmark = pytest.mark.django_db

URL = "/fragen/vorschlaege/"
ANSWERED_URL = "/fragen/vorschlaege/beantwortet/"


@pytest.fixture
def corpus():
    docs = [
        put(
            "call_passage",
            "1:1",
            "3.1 Förderquote",
            "Gefördert werden 65 % der förderfähigen Ausgaben.",
            group="call:1",
            suggestible=True,
        ),
        put(
            "call_passage",
            "2:1",
            "3.2 Eigenanteil und Kofinanzierung",
            "Der Eigenanteil kann aus Haushaltsmitteln, Landesmitteln oder Beiträgen Dritter bestehen.",
            group="call:1",
            suggestible=True,
        ),
        put(
            "call_passage",
            "3:1",
            "5.2 Ratsbeschluss",
            "Der Rat erklärt in einem Beschluss, dass die Kommune das Vorhaben trägt.",
            group="call:1",
            suggestible=True,
        ),
        put(
            "call_passage",
            "4:1",
            "2.4 Private Partner",
            "Unternehmen und Stadtwerke können Partner sein.",
            group="call:1",
            suggestible=True,
        ),
        put(
            "call_passage",
            "5:1",
            "3.2 Eigenanteil (anderer Aufruf)",
            "Eigenanteil im Aufruf von 2019.",
            group="call:2",
            suggestible=True,
        ),
        put(
            "question",
            10,
            "Zählt Personal der Verwaltung zum Eigenanteil?",
            "Antwort: nein, nur neues Personal.",
            suggestible=True,
        ),
        put(
            "question",
            11,
            "Eigenanteil aus Landesmitteln – nur im Netzwerk",
            "Ja.",
            suggestible=True,
            visibility=Visibility.NETWORK,
        ),
        put("question", 12, "Offene Frage zum Eigenanteil", "", suggestible=False),
        put(
            "faq",
            13,
            "Wie hoch ist der Eigenanteil?",
            "35 Prozent, in Haushaltsnotlage 10 Prozent.",
            suggestible=True,
        ),
    ]
    embed_documents([doc.pk for doc in docs])
    return docs


def test_fusion_rewards_agreement():
    lexical = [Ranked(1, 3.0), Ranked(2, 2.0), Ranked(3, 1.0)]
    semantic = [Ranked(3, 0.9), Ranked(2, 0.8), Ranked(4, 0.7)]
    assert [item.document_id for item in fuse(lexical, semantic)][:2] == [3, 2]


def test_sections_of_the_chosen_call_rank_the_answer_first(corpus):
    result = suggest(audience=ANONYMOUS, title="Wie hoch ist unser Eigenanteil?", call_id=1)
    assert result.sections[0].title == "3.2 Eigenanteil und Kofinanzierung"
    assert len(result.sections) <= 3
    assert all(item.kind == "call_passage" for item in result.sections)
    assert "anderer Aufruf" not in " ".join(item.title for item in result.sections)


def test_a_synonym_finds_the_section_without_a_shared_word(corpus):
    result = suggest(audience=ANONYMOUS, title="Woher darf die Kofinanzierung kommen?", call_id=1)
    assert result.sections[0].title.startswith("3.2")


def test_only_answered_and_visible_questions_are_suggested(corpus, staff_member):
    anonymous = suggest(audience=ANONYMOUS, title="Eigenanteil der Kommune", call_id=1)
    titles = [item.title for item in anonymous.questions]
    assert "Zählt Personal der Verwaltung zum Eigenanteil?" in titles
    assert "Wie hoch ist der Eigenanteil?" in titles
    assert not any("Netzwerk" in title or "Offene" in title for title in titles)
    assert len(anonymous.questions) <= 5


def test_mentors_also_get_network_questions(corpus, mentor):
    result = suggest(audience=audience_for(mentor), title="Eigenanteil aus Landesmitteln?")
    assert "Eigenanteil aus Landesmitteln – nur im Netzwerk" in [i.title for i in result.questions]


def test_too_short_text_suggests_nothing(corpus):
    assert not suggest(audience=ANONYMOUS, title="Eigen").searched


def test_htmx_fragment_and_page_without_javascript(corpus, client_for):
    client = client_for("staff_a")
    data = {"title": "Wie hoch ist unser Eigenanteil?", "text": "", "call": ""}
    fragment = client.post(URL, data, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "3.2 Eigenanteil und Kofinanzierung" in fragment
    assert 'formaction="/fragen/vorschlaege/beantwortet/"' in fragment
    page = client.post(URL, data).content.decode()
    assert "<html" in page and "Meine Frage ist beantwortet" in page
    assert "Zurück zum Fragenformular" in page


def test_the_page_without_javascript_lists_knowledge_as_the_fragment_does(corpus, client_for):
    """The page a browser without JavaScript gets showed questions and the
    call's sections but left out the knowledge articles and solutions."""
    passage = put(
        "article_passage",
        "900:1",
        "Eigenanteil berechnen – Personal anrechnen",
        "Vorhandenes Personal der Verwaltung zählt nicht zum Eigenanteil.",
        suggestible=True,
    )
    embed_documents([passage.pk])
    client = client_for("staff_a")
    data = {"title": "Zählt Personal der Verwaltung zum Eigenanteil?", "text": "", "call": ""}
    fragment = client.post(URL, data, headers={"HX-Request": "true"}).content.decode()
    page = client.post(URL, data).content.decode()
    for content in (fragment, page):
        assert "Aus Wissensbeiträgen und Lösungen" in content
        assert passage.url in content


def test_only_coordinators_see_how_often_suggestions_helped(corpus, client_for):
    SuggestionOutcome.objects.create()
    data = {"title": "Wie hoch ist unser Eigenanteil?"}
    staff = client_for("staff_a").post(URL, data, headers={"HX-Request": "true"})
    coordinator = client_for("coordinator").post(URL, data, headers={"HX-Request": "true"})
    assert "erspart" not in staff.content.decode()
    assert "1 Frage erspart" in coordinator.content.decode()


def test_answered_is_counted_and_opens_the_suggestion(corpus, client_for, staff_member):
    section = SearchDocument.objects.get(kind="call_passage", object_id="2:1")
    response = client_for("staff_a").post(ANSWERED_URL, {"dokument": section.pk})
    assert response.status_code == 302 and response["Location"] == section.url
    outcome = SuggestionOutcome.objects.get()
    assert outcome.document == section and outcome.user == staff_member


def test_answered_never_redirects_to_what_the_person_may_not_see(corpus, client_for):
    hidden = SearchDocument.objects.get(kind="question", object_id="11")
    response = client_for("staff_b").post(ANSWERED_URL, {"dokument": hidden.pk})
    assert response["Location"] == "/fragen/"
    assert SuggestionOutcome.objects.count() == 1


def test_answered_needs_a_signed_in_person(client):
    response = client.post(ANSWERED_URL, {})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert not SuggestionOutcome.objects.exists()


def test_get_gives_the_same_suggestions(corpus, client):
    response = client.get(URL, {"title": "Wie hoch ist unser Eigenanteil?"})
    assert "3.2 Eigenanteil und Kofinanzierung" in response.content.decode()
    assert client.put(URL).status_code == 405


# The remembered suggestions (`suggestions.remembered`): the same result as
# computing them, per person and language; a change of the index shows on
# the next request.
QUESTION = {"title": "Wie hoch ist unser Eigenanteil?", "text": "", "call": ""}


def _without_tokens(page: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", page)  # CSRF tokens


def _searches(captured: CaptureQueriesContext) -> int:
    return sum(1 for query in captured.captured_queries if "core_searchdocument" in query["sql"])


def test_a_repeated_request_is_answered_from_the_memo(corpus, client_for):
    client = client_for("staff_a")
    first = client.post(URL, QUESTION).content.decode()
    with CaptureQueriesContext(connection) as captured:
        second = client.post(URL, QUESTION).content.decode()
    assert "3.2 Eigenanteil und Kofinanzierung" in first
    assert _searches(captured) == 0
    assert _without_tokens(second) == _without_tokens(first)


def test_a_change_of_the_index_shows_on_the_next_request(corpus, client_for):
    client = client_for("staff_a")
    assert "Wie hoch ist der Eigenanteil?" in client.post(URL, QUESTION).content.decode()
    faq = SearchDocument.objects.get(kind="faq", object_id="13")
    faq.title = "Wie hoch ist der Eigenanteil genau?"
    faq.save()
    assert "Wie hoch ist der Eigenanteil genau?" in client.post(URL, QUESTION).content.decode()


def test_a_new_answer_shows_on_the_next_request(corpus, client_for):
    client = client_for("staff_a")
    client.post(URL, QUESTION)
    put(
        "question",
        14,
        "Eigenanteil über Jahre verteilen?",
        "Ja, über die Laufzeit.",
        suggestible=True,
    )
    assert "Eigenanteil über Jahre verteilen?" in client.post(URL, QUESTION).content.decode()


def test_a_new_ranking_code_does_not_show_what_the_old_one_remembered(
    corpus, client_for, monkeypatch
):
    from ikone.qa.retrieval import suggestions

    client = client_for("staff_a")
    client.post(URL, QUESTION)
    monkeypatch.setattr(suggestions, "code_fingerprint", lambda: "an update")
    with CaptureQueriesContext(connection) as captured:
        client.post(URL, QUESTION)
    assert _searches(captured) > 0


def test_each_person_gets_what_they_may_see(corpus, client_for):
    data = {"title": "Eigenanteil aus Landesmitteln?", "text": "", "call": ""}
    hidden = "Eigenanteil aus Landesmitteln – nur im Netzwerk"
    assert hidden in client_for("coordinator").post(URL, data).content.decode()
    assert hidden not in client_for("anonymous").post(URL, data).content.decode()
    assert hidden not in client_for("staff_b").post(URL, data).content.decode()


def test_remembered_equals_computed_in_each_language(corpus, mentor):
    audience = audience_for(mentor)
    for language in ("de", "en", "de"):
        with translation.override(language):
            for title in ("Wie hoch ist unser Eigenanteil?", "Eigenanteil aus Landesmitteln?"):
                computed = suggest(audience=audience, title=title, call_id=1)
                assert remembered(audience=audience, title=title, call_id=1) == computed
                assert remembered(audience=ANONYMOUS, title=title, call_id=1) == suggest(
                    audience=ANONYMOUS, title=title, call_id=1
                )
