"""Issue 11.3: every search result and every question suggestion links to a
page the person who sees it may open.

Over the demo data, for each role: every document the person can find
(exactly the rows the search backends filter by the person's Audience),
the results of real searches on /suche/ and in the API, and every question
suggestion for the titles of all suggestible questions and FAQ entries;
each link is opened with that person's client and must answer 200, with
the anchor it points to present on the page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from ikone.core.search.audience import audience_for
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.models import SearchDocument
from ikone.qa.retrieval.suggestions import QUESTION_KINDS, SECTION_KINDS
from tests.visibility.conftest import ROLES

pytestmark = pytest.mark.django_db

SEARCHES = ("Förderquote", "Eigenanteil", "Stadt", "Workshop", "Fragen", "Daten")
HREF = re.compile(r'<a class="kern-link" href="([^"]+)"')


class Opener:
    """Opens links with one client, each page once, and collects what failed."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.pages: dict[str, tuple[int, str]] = {}
        self.failures: list[str] = []

    def open(self, url: str, origin: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path not in self.pages:
            response = self.client.get(path)
            self.pages[path] = (response.status_code, response.content.decode())
        status, content = self.pages[path]
        if status != 200:
            self.failures.append(f"{origin}: {url} → {status}")
        elif parts.fragment and f'id="{parts.fragment}"' not in content:
            self.failures.append(f"{origin}: {url} → no #{parts.fragment} on the page")


@pytest.mark.parametrize("role", ROLES)
def test_every_search_result_opens(role, demo_world, person_for, client_as):
    client = client_as(role)
    opener = Opener(client)
    findable = SearchDocument.objects.filter(audience_for(person_for(role)).q())
    assert findable.filter(kind="faq").exists()
    for document in findable.order_by("kind", "pk"):
        opener.open(document.url, f"{document.kind}:{document.object_id}")
    for query in SEARCHES:
        page = client.get("/suche/", {"q": query})
        for url in HREF.findall(page.content.decode()):
            if url.startswith("/suche/"):
                continue  # facets and pages of the search itself
            opener.open(url, f"/suche/?q={query}")
        api = client.get("/api/v1/search/", {"q": query})
        for result in api.json()["results"]:
            opener.open(result["url"], f"/api/v1/search/?q={query}")
    assert not opener.failures, "\n".join(opener.failures)


@pytest.fixture(scope="module")
def sentence_vectors(demo_world, django_db_blocker):
    """Suggestions are shown only when confident, which needs the sentence
    vectors the background task computes in production (the shared demo
    world has none, for speed)."""
    with django_db_blocker.unblock():
        kinds = (*QUESTION_KINDS, *SECTION_KINDS)
        embed_documents(
            list(SearchDocument.objects.filter(kind__in=kinds).values_list("pk", flat=True))
        )


@pytest.mark.parametrize("role", ROLES)
def test_every_question_suggestion_opens(
    role, demo_world, sentence_vectors, person_for, client_as
):
    client = client_as(role)
    opener = Opener(client)
    titles = sorted(
        set(
            SearchDocument.objects.filter(
                suggestible=True, kind__in=("faq", "question")
            ).values_list("title", flat=True)
        )
    )
    shown = 0
    for title in titles:
        response = client.post("/fragen/vorschlaege/", {"title": title}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        suggestions = response.context["suggestions"]
        for item in [*suggestions.questions, *suggestions.sections]:
            shown += 1
            opener.open(item.url, f"suggestion for {title!r}")
    assert shown
    assert not opener.failures, "\n".join(opener.failures)
