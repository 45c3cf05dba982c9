"""Meta and sharing tags (issue 18, point 3): every public page has a unique
title, a description from its content, a canonical link, hreflang links for
German and English and Open Graph/Twitter tags with the platform image."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from ikone.qa.models import FAQEntry
from tests.accounts.factories import OrganizationFactory
from tests.events.factories import EventFactory
from tests.knowledge.factories import add_home_page, add_standard_page
from tests.qa.factories import AnswerFactory, QuestionFactory, make_call

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    """The <head>'s title, meta tags, links and JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[dict] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        values = {key: value or "" for key, value in attrs}
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and ("name" in values or "property" in values):
            key = values.get("name") or values["property"]
            self.meta.setdefault(key, []).append(values.get("content", ""))
        elif tag == "link":
            self.links.append(values)
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in = "json_ld"

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json_ld":
            self.json_ld.append(json.loads(data))

    def link(self, rel: str, **match: str) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and all(link.get(k) == v for k, v in match.items())
        ]


def head_of(client, path: str) -> Head:
    response = client.get(path)
    assert response.status_code == 200, path
    parser = Head()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def public_pages(db) -> list[str]:
    call = make_call(slug="aufruf", title="Smart Cities 2027").call
    call.summary = "Der Bund fördert Modellprojekte Smart Cities mit 300 Millionen Euro."
    call.save()
    question = QuestionFactory(call=call, title="Zählt Personal zum Eigenanteil?")
    answer = AnswerFactory(question=question)
    FAQEntry.objects.create(
        question=question,
        call=call,
        official_answer=answer,
        title="Zählt Personal zum Eigenanteil?",
        answer_text="<p>Ja, wenn die Stelle neu geschaffen wird.</p>",
        published_at=timezone.now(),
    )
    EventFactory(slug="werkstatt", title="Bewerbungswerkstatt", summary="Wir üben Anträge.")
    OrganizationFactory(slug="musterstadt", name="Musterstadt")
    home = add_home_page(hero_intro="Kommunen lernen voneinander.")
    add_standard_page(home, title="Impressum", intro="Wer für IKONE verantwortlich ist.")
    return [
        "/",
        "/impressum/",
        "/foerderaufrufe/",
        "/foerderaufrufe/aufruf/",
        "/foerderaufrufe/aufruf/faq/",
        "/veranstaltungen/",
        "/veranstaltungen/werkstatt/",
        f"/fragen/{question.pk}/",
        "/fragen/",
        "/organisationen/",
        "/organisationen/musterstadt/",
        "/kommunen/",
        "/suche/",
    ]


def test_every_public_page_has_its_own_title_and_description(client, public_pages):
    titles, descriptions = {}, {}
    for path in public_pages:
        head = head_of(client, path)
        assert head.title.strip(), path
        assert len(head.meta["description"]) == 1, path
        titles[path] = head.title
        descriptions[path] = head.meta["description"][0]
        assert descriptions[path].strip(), path
    assert len(set(titles.values())) == len(titles), titles


def test_descriptions_come_from_the_content(client, public_pages):
    assert "300 Millionen" in head_of(client, "/foerderaufrufe/aufruf/").meta["description"][0]
    assert (
        head_of(client, "/veranstaltungen/werkstatt/").meta["description"][0]
        == "Wir üben Anträge."
    )
    assert "verantwortlich" in head_of(client, "/impressum/").meta["description"][0]
    assert head_of(client, "/").meta["description"][0] == "Kommunen lernen voneinander."


@pytest.mark.parametrize("language", ["de", "en"])
def test_canonical_hreflang_and_sharing_tags(client, public_pages, language):
    prefix = "/en" if language == "en" else ""
    for path in public_pages:
        head = head_of(client, prefix + path)
        canonical = f"http://testserver{prefix}{path}"
        assert head.link("canonical") == [canonical], path
        assert head.link("alternate", hreflang="de") == [f"http://testserver{path}"]
        assert head.link("alternate", hreflang="en") == [f"http://testserver/en{path}"]
        assert head.link("alternate", hreflang="x-default") == [f"http://testserver{path}"]
        assert head.meta["og:url"] == [canonical]
        assert head.meta["og:title"][0] in head.title
        assert head.meta["og:description"] == head.meta["description"]
        assert head.meta["og:image"] == ["http://testserver/static/ikone/icons/share.png"]
        assert head.meta["og:locale"] == ["de_DE" if language == "de" else "en_GB"]
        assert head.meta["twitter:card"] == ["summary_large_image"]
        assert head.meta["twitter:image"] == head.meta["og:image"]


def test_the_canonical_link_drops_filters_but_keeps_the_page_number(client, public_pages):
    assert head_of(client, "/veranstaltungen/?format=online").link("canonical") == [
        "http://testserver/veranstaltungen/"
    ]
    head = head_of(client, "/kommunen/?page=2")
    assert head.link("canonical") == ["http://testserver/kommunen/?page=2"]


def test_a_calls_faq_is_an_faq_page(client, public_pages):
    head = head_of(client, "/foerderaufrufe/aufruf/faq/")
    (data,) = head.json_ld
    assert data["@type"] == "FAQPage"
    assert data["url"] == "http://testserver/foerderaufrufe/aufruf/faq/"
    (question,) = data["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == "Zählt Personal zum Eigenanteil?"
    assert question["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "Ja, wenn die Stelle neu geschaffen wird.",
    }


def test_a_faq_without_entries_has_no_faq_markup(client, public_pages):
    FAQEntry.objects.update(is_published=False)
    assert head_of(client, "/foerderaufrufe/aufruf/faq/").json_ld == []


def test_an_organisation_is_a_government_organization(client, public_pages):
    from ikone.accounts.models import Organization

    Organization.objects.filter(slug="musterstadt").update(
        description="Die Verwaltung der Musterstadt </script><script>alert(1)</script>",
        website="https://musterstadt.example",
    )
    response = client.get("/organisationen/musterstadt/")
    assert "</script><script>alert" not in response.content.decode()
    head = head_of(client, "/organisationen/musterstadt/")
    (data,) = head.json_ld
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Musterstadt"
    assert data["url"] == "http://testserver/organisationen/musterstadt/"
    assert data["sameAs"] == "https://musterstadt.example"
    assert data["description"].startswith("Die Verwaltung der Musterstadt </script>")
    assert head.meta["description"][0].startswith("Die Verwaltung der Musterstadt")


def test_events_keep_their_event_markup(client, public_pages):
    (data,) = head_of(client, "/veranstaltungen/werkstatt/").json_ld
    assert data["@type"] == "Event"
    assert data["name"] == "Bewerbungswerkstatt"
