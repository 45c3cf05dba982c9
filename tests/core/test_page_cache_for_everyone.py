"""Views that answer every person alike (`page_cache_for_everyone`, the
public JSON API) share one cached answer between visitors and signed-in
people (docs/adr/0006-page-cache.md); everything else keeps signed-in
people out of the page cache."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from ikone.core.pagecache.middleware import STATE_HEADER, same_for_everyone
from ikone.events.models import EventStatus
from tests.accounts.factories import (
    CoordinatorFactory,
    MunicipalityFactory,
    OrganizationFactory,
    contact_of,
)
from tests.calls.factories import make_call
from tests.events.factories import EventFactory
from tests.solutions.factories import AdoptionFactory, SolutionFactory

JSON = {"Accept": "application/json"}
# Every view that declares it; a new one must be added here after a check
# that its answer does not depend on who asks (below).
EXPECTED = {
    "call-list",
    "call-detail",
    "event-list",
    "event-detail",
    "faq-list",
    "knowledge-article-list",
    "municipality-list",
    "municipality-detail",
    "api-network-figures",
    "solution-list",
    "solution-detail",
    "api-organization-peers",
    "api-municipality-recommendations",
}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def _names_for_everyone() -> set[str]:
    found: set[str] = set()

    def visit(patterns: list[Any]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                visit(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                view = pattern.callback
                owner = getattr(view, "cls", None) or getattr(view, "view_class", None)
                if getattr(owner, "page_cache_for_everyone", False):
                    found.add(pattern.name)

    visit(get_resolver().url_patterns)
    return found


def test_the_views_that_answer_everyone_alike_are_the_checked_ones():
    assert _names_for_everyone() == EXPECTED


@pytest.fixture
def world(db) -> dict[str, Any]:
    unit = MunicipalityFactory(ags="07312000", name="Kaiserslautern")
    organization = OrganizationFactory(municipality=unit, slug="kaiserslautern")
    solution = SolutionFactory(slug="offene-daten")
    AdoptionFactory(solution=solution, organization=organization, visibility="network")
    event = EventFactory(slug="workshop", title="Workshop")
    EventFactory(slug="entwurf", title="Entwurf", status=EventStatus.DRAFT)
    make_call("testaufruf")
    return {
        "contact": contact_of(organization),
        "coordinator": CoordinatorFactory(),
        "event": event,
    }


def _urls() -> list[str]:
    return [
        "/api/v1/calls/",
        "/api/v1/calls/testaufruf/",
        "/api/v1/events/",
        "/api/v1/events/workshop/",
        "/api/v1/faq/?call=testaufruf",
        "/api/v1/knowledge/",
        "/api/v1/municipalities/?q=kaisers",
        "/api/v1/municipalities/07312000/",
        "/api/v1/network/figures/",
        "/api/v1/solutions/",
        "/api/v1/solutions/offene-daten/",
        "/api/v1/organizations/kaiserslautern/peers/",
        "/api/v1/municipalities/07312000/recommendations/",
    ]


def test_every_declared_view_answers_a_visitor_a_contact_and_a_coordinator_alike(world, settings):
    settings.PAGE_CACHE_ENABLED = False
    contact, coordinator = Client(), Client()
    contact.force_login(world["contact"])
    coordinator.force_login(world["coordinator"])
    for url in _urls():
        assert same_for_everyone(url.partition("?")[0]), url
        answers = [c.get(url, headers=JSON) for c in (Client(), contact, coordinator)]
        assert [a.status_code for a in answers] == [200, 200, 200], url
        assert answers[0].content == answers[1].content == answers[2].content, url


def test_a_signed_in_person_gets_the_visitors_answer_and_leaves_one_for_them(world):
    signed_in = Client()
    signed_in.force_login(world["contact"])
    visitor = Client()
    first = visitor.get("/api/v1/events/", headers=JSON)
    assert first[STATE_HEADER] == "miss"
    from_visitor = signed_in.get("/api/v1/events/", headers=JSON)
    assert from_visitor[STATE_HEADER] == "hit" and from_visitor.content == first.content
    # Signed in first: stored for the visitors after.
    own = signed_in.get("/api/v1/calls/", headers=JSON)
    assert own[STATE_HEADER] == "miss"
    assert visitor.get("/api/v1/calls/", headers=JSON)[STATE_HEADER] == "hit"


def test_a_change_reaches_signed_in_people_at_once(world):
    signed_in = Client()
    signed_in.force_login(world["coordinator"])
    assert signed_in.get("/api/v1/events/workshop/", headers=JSON)[STATE_HEADER] == "miss"
    assert signed_in.get("/api/v1/events/workshop/", headers=JSON)[STATE_HEADER] == "hit"
    world["event"].title = "Workshop mit neuem Titel"
    world["event"].save()
    changed = signed_in.get("/api/v1/events/workshop/", headers=JSON)
    assert changed[STATE_HEADER] == "miss" and "neuem Titel" in changed.content.decode()


def test_the_browsable_api_is_never_shared_with_signed_in_people(world):
    signed_in = Client()
    signed_in.force_login(world["contact"])
    html = {"Accept": "text/html"}
    Client().get("/api/v1/events/", headers=html)
    Client().get("/api/v1/events/", headers=html)
    page = signed_in.get("/api/v1/events/", headers=html)
    assert STATE_HEADER not in page
    assert str(world["contact"]) in page.content.decode()
    anonymous = Client().get("/api/v1/events/", headers=html).content.decode()
    assert str(world["contact"]) not in anonymous


@pytest.mark.parametrize("url", ["/api/v1/search/?q=workshop", "/api/v1/applications/"])
def test_answers_that_depend_on_the_person_never_come_from_the_cache(world, url):
    signed_in = Client()
    signed_in.force_login(world["contact"])
    for _ in range(2):
        Client().get(url, headers=JSON)
        assert STATE_HEADER not in signed_in.get(url, headers=JSON)
    assert not same_for_everyone(url.partition("?")[0])


def test_a_token_client_is_not_served_from_the_cache(world):
    Client().get("/api/v1/events/", headers=JSON)
    answer = Client().get("/api/v1/events/", headers={**JSON, "Authorization": "Token abc"})
    assert STATE_HEADER not in answer
