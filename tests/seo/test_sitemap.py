"""/sitemap.xml (issue 18, point 2): an index of the sections the apps
registered; each lists what anonymous visitors may see, in German and
English with hreflang alternates and lastmod."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from ikone.core.seo import sitemaps
from ikone.events.models import EventStatus
from ikone.qa.models import FAQEntry, Visibility
from tests.events.factories import EventFactory
from tests.knowledge.factories import add_home_page, add_standard_page
from tests.qa.factories import AnswerFactory, QuestionFactory, make_call

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def _urls(client, section: str) -> dict[str, ET.Element]:
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def _alternates(url: ET.Element) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}


@pytest.fixture
def world(db):
    """One of everything the sitemap lists, and its private counterpart."""
    call = make_call(slug="aufruf", title="Aufruf").call
    make_call(slug="ohne-faq", title="Ohne FAQ")
    public = QuestionFactory(call=call, visibility=Visibility.PUBLIC)
    answer = AnswerFactory(question=public)
    QuestionFactory(call=call, visibility=Visibility.PUBLIC, title="Noch unbeantwortet?")
    hidden = QuestionFactory(call=call, visibility=Visibility.NETWORK, title="Nur im Netzwerk?")
    AnswerFactory(question=hidden)
    FAQEntry.objects.create(
        question=public,
        call=call,
        official_answer=answer,
        title="Zählt das?",
        answer_text="Ja.",
        published_at=timezone.now(),
    )
    EventFactory(slug="werkstatt", status=EventStatus.PUBLISHED)
    EventFactory(slug="entwurf", status=EventStatus.DRAFT)
    home = add_home_page()
    add_standard_page(home, title="Impressum")
    add_standard_page(home, title="Entwurf", publish=False)
    from tests.accounts.factories import OrganizationFactory

    OrganizationFactory(slug="musterstadt")
    return {"question": public, "hidden": hidden}


def test_the_index_lists_every_registered_section(client, world):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    locations = {node.text for node in root.findall("sm:sitemap/sm:loc", NS)}
    keys = {section.key for section in sitemaps.SECTIONS}
    assert {"calls", "faq", "questions", "events", "organizations", "pages", "solutions"} <= keys
    assert locations == {f"http://testserver/sitemap-{key}.xml" for key in keys}


def test_each_address_in_both_languages_with_alternates_and_lastmod(client, world):
    urls = _urls(client, "calls")
    assert set(urls) == {
        "http://testserver/foerderaufrufe/aufruf/",
        "http://testserver/en/foerderaufrufe/aufruf/",
        "http://testserver/foerderaufrufe/ohne-faq/",
        "http://testserver/en/foerderaufrufe/ohne-faq/",
    }
    url = urls["http://testserver/en/foerderaufrufe/aufruf/"]
    assert _alternates(url) == {
        "de": "http://testserver/foerderaufrufe/aufruf/",
        "en": "http://testserver/en/foerderaufrufe/aufruf/",
        "x-default": "http://testserver/foerderaufrufe/aufruf/",
    }
    lastmod = url.findtext("sm:lastmod", namespaces=NS)
    # The date of the Berlin day (a sitemap may carry a date only).
    assert datetime.date.fromisoformat(lastmod[:10]) == timezone.localdate()


def test_faq_pages_of_calls_with_published_entries(client, world):
    assert set(_urls(client, "faq")) == {
        "http://testserver/foerderaufrufe/aufruf/faq/",
        "http://testserver/en/foerderaufrufe/aufruf/faq/",
    }
    FAQEntry.objects.update(is_published=False)
    assert _urls(client, "faq") == {}


def test_only_public_questions_with_an_answer(client, world):
    pk = world["question"].pk
    assert set(_urls(client, "questions")) == {
        f"http://testserver/fragen/{pk}/",
        f"http://testserver/en/fragen/{pk}/",
    }


def test_public_events_only(client, world):
    assert set(_urls(client, "events")) == {
        "http://testserver/veranstaltungen/werkstatt/",
        "http://testserver/en/veranstaltungen/werkstatt/",
    }


def test_published_solutions_only(client, world):
    from ikone.solutions.models import ReviewState
    from tests.solutions.factories import SolutionFactory

    SolutionFactory(slug="dorf-app")
    SolutionFactory(slug="noch-in-pruefung", review_state=ReviewState.SUBMITTED)

    urls = _urls(client, "solutions")

    assert set(urls) == {
        "http://testserver/loesungen/dorf-app/",
        "http://testserver/en/loesungen/dorf-app/",
    }
    assert urls["http://testserver/loesungen/dorf-app/"].findtext("sm:lastmod", namespaces=NS)


def test_organisation_pages(client, world):
    assert "http://testserver/organisationen/musterstadt/" in _urls(client, "organizations")


def test_live_cms_pages_in_both_languages(client, world):
    urls = _urls(client, "pages")
    assert "http://testserver/" in urls
    assert "http://testserver/en/" in urls
    assert "http://testserver/impressum/" in urls
    assert "http://testserver/en/impressum/" in urls
    assert not any("entwurf" in url for url in urls)


def test_an_unknown_section_is_404(client, world):
    assert client.get("/sitemap-gibt-es-nicht.xml").status_code == 404


def test_section_keys_are_slugs():
    with pytest.raises(ValueError):
        sitemaps.register(sitemaps.Section("qa.faq", "ikone.qa.sitemaps.CallFAQSitemap"))


def test_the_sitemap_takes_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for n in range(5):
        EventFactory(slug=f"mehr-{n}")
    with django_assert_max_num_queries(4):
        client.get("/sitemap-events.xml")
    with django_assert_max_num_queries(4):
        client.get("/sitemap-questions.xml")
