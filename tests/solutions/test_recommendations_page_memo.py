"""The content of /loesungen/empfehlungen/ is a memo on GET
(views.recommendations): the second visit reads less, each table it shows
changes it on the next visit, the CSRF token stays per request, and each
person (and coordinator flag and query string) has their own."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Membership, Organization, User
from ikone.core.models import FieldOfAction
from ikone.municipalities.models import Municipality
from ikone.solutions.models import InterestProfile, Solution
from tests.accounts.factories import MembershipFactory
from tests.core.helpers import sign_in
from tests.solutions import test_peers_and_recommendations as recommendation_tests

URL = reverse("solutions:recommendations")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
FORM = "Was Ihre Organisation sucht"
# The towns, organisations and solutions of the recommendation tests.
places = recommendation_tests.places
world = recommendation_tests.world


def _visit(client, url: str = URL) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client, url: str = URL) -> str:
    return _visit(client, url)[0]


@pytest.fixture
def linz_staff(world) -> User:
    return MembershipFactory(organization=world["linz"], user__email="team@linz.example").user


@pytest.fixture
def nachbar_staff(world) -> User:
    nachbar = Organization.objects.get(slug="nachbar")
    return MembershipFactory(organization=nachbar, user__email="team@nachbar.example").user


def test_the_second_visit_reads_less_with_its_own_token(client, linz_staff):
    sign_in(client, linz_staff)
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)
    assert "Bürgerbus-App" in second and FORM in second
    assert second_queries < first_queries
    tokens = TOKEN.findall(first), TOKEN.findall(second)
    assert all(found and all(len(token) == 64 for token in found) for found in tokens)
    assert set(tokens[0]).isdisjoint(tokens[1])
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)
    assert not re.search(r"csrf[0-9a-f]{32}", second)  # the memo's stand-in


def test_each_table_of_the_page_outdates_it(client, world, linz_staff):
    sign_in(client, linz_staff)
    assert "Empfehlungen für Stadt Linz" in _page(client)

    Organization.objects.filter(pk=world["linz"].pk).update(name="Stadt Neulinz")
    assert "Empfehlungen für Stadt Neulinz" in _page(client)
    Solution.objects.filter(pk=world["bus"].pk).update(title="Bürgerbus-App 2")
    assert "Bürgerbus-App 2" in _page(client)
    InterestProfile.objects.filter(organization=world["linz"]).update(needs="Busse zählen")
    assert "Busse zählen</textarea>" in _page(client)
    energy = FieldOfAction.objects.get(key="energy_environment_climate")
    assert f'value="{energy.pk}" checked' not in _page(client)
    InterestProfile.objects.get(organization=world["linz"]).fields_of_action.add(energy)
    assert re.search(rf'value="{energy.pk}"[^>]*checked', _page(client))
    # Without the membership the form and the organisation are gone.
    Membership.objects.filter(user=linz_staff).delete()
    content = _page(client)
    assert FORM not in content and "Stadt Neulinz" not in content


def test_a_municipality_and_the_query_string(client, world, linz_staff):
    sign_in(client, linz_staff)
    by_key = URL + "?ags=07138001"
    assert "Empfehlungen für Stadt Neulinz" not in _page(client, by_key)
    assert "Empfehlungen für Stadt Linz" in _page(client, by_key)
    Municipality.objects.filter(ags="07138002").update(name="Stadt Zwei neu")
    Organization.objects.filter(slug="nachbar").delete()
    assert "Empfehlungen für Stadt Zwei neu" in _page(client, URL + "?ags=07138002")
    assert "keine Kommune" in _page(client, URL + "?ags=12345678")


@pytest.mark.parametrize("first", ["linz", "nachbar"])
def test_each_person_sees_their_own_page(client, linz_staff, nachbar_staff, first):
    people = {"linz": linz_staff, "nachbar": nachbar_staff}
    pages = {}
    for name in [first, *(name for name in people if name != first)]:
        client.logout()
        sign_in(client, people[name])
        pages[name] = _page(client)
    assert "Empfehlungen für Stadt Linz" in pages["linz"]
    assert "Empfehlungen für Stadt Nachbar" in pages["nachbar"]
    assert "Stadt Linz" not in pages["nachbar"]


def test_the_coordinator_may_say_any_organisations_interests(client, world, coordinator):
    MembershipFactory(organization=world["linz"], user=coordinator)
    sign_in(client, coordinator)
    assert FORM in _page(client)
    User.objects.filter(pk=coordinator.pk).update(is_coordinator=False)
    Membership.objects.filter(user=coordinator).delete()
    assert FORM not in _page(client, URL + "?ags=07138001")


def test_a_refused_interests_form_keeps_what_was_typed_and_the_memo_does_not(client, linz_staff):
    sign_in(client, linz_staff)
    before = _page(client)  # the memo is made
    typed = "Freie Parkplätze in der Altstadt anzeigen " + "x" * 2000
    response = client.post(URL, {"needs": typed})
    assert response.status_code == 400
    refused = response.content.decode()
    assert typed in refused
    assert "höchstens 2000 Zeichen" in refused
    after = _page(client)
    assert "Freie Parkplätze in der Altstadt" not in after
    assert ANY_TOKEN.sub("", before) == ANY_TOKEN.sub("", after)
    assert not InterestProfile.objects.filter(needs__startswith="Freie Parkplätze").exists()
