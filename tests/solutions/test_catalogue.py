"""The catalogue pages: filters, search, htmx, query budgets, JSON-LD."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.core.models import FieldOfAction
from ikone.solutions.models import Licence, ReviewState
from tests.municipalities.factories import StateFactory
from tests.solutions.factories import AdoptionFactory, SolutionFactory


@pytest.fixture
def catalogue(db):
    mobility = FieldOfAction.objects.get(key="mobility")
    energy = FieldOfAction.objects.get(key="energy_environment_climate")
    bus = SolutionFactory(
        title="Bürgerbus per App",
        licence=Licence.EUPL,
        suits_sizes=["village", "small_town"],
        funding_programme="Modellprojekte Smart Cities",
    )
    bus.fields_of_action.add(mobility)
    light = SolutionFactory(title="Smarte Straßenlaterne")
    light.fields_of_action.add(energy)
    SolutionFactory(title="Geheimer Entwurf", review_state=ReviewState.DRAFT)
    return {"bus": bus, "light": light}


def titles(response) -> list[str]:
    return [solution.title for solution in response.context["page_obj"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Bürgerbus per App", "Smarte Straßenlaterne"]),
        ("?q=Bürgerbus", ["Bürgerbus per App"]),
        ("?q=strasse", ["Smarte Straßenlaterne"]),
        ("?handlungsfeld=energy_environment_climate", ["Smarte Straßenlaterne"]),
        ("?offen=on", ["Bürgerbus per App"]),
        ("?groesse=village", ["Bürgerbus per App"]),
        ("?groesse=city", []),
        ("?programm=Modellprojekte+Smart+Cities", ["Bürgerbus per App"]),
        ("?stand=idea", []),
    ],
)
def test_filters_and_search(client, catalogue, query, expected):
    response = client.get(reverse("solutions:list") + query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_land_filter_uses_the_owners_municipality(client, catalogue):
    StateFactory(ags="07", name="Rheinland-Pfalz")
    StateFactory(ags="09", name="Bayern")
    assert catalogue["bus"].organizations.get().municipality.ags.startswith("07")
    assert "Bürgerbus per App" in titles(client.get(reverse("solutions:list") + "?land=07"))
    assert titles(client.get(reverse("solutions:list") + "?land=09")) == []


def test_htmx_gets_only_the_results(client, catalogue):
    response = client.get(reverse("solutions:list") + "?q=bus", HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "Bürgerbus per App" in content
    assert "<html" not in content
    assert 'hx-swap-oob="innerHTML"' in content


def test_drafts_are_not_listed(client, catalogue):
    assert "Geheimer Entwurf" not in client.get(reverse("solutions:list")).content.decode()


@pytest.mark.parametrize("query", ["", "?land=07", "?handlungsfeld=mobility"])
def test_each_card_counts_every_adoption_once(client, catalogue, query):
    """The count is a subquery per row (bench: a GROUP BY over all adoptions
    cost 21 ms per page); filters that join organisations or fields of action
    must not multiply it."""
    StateFactory(ags="07", name="Rheinland-Pfalz")
    catalogue["bus"].fields_of_action.add(
        FieldOfAction.objects.get(key="energy_environment_climate")
    )
    AdoptionFactory.create_batch(3, solution=catalogue["bus"])
    response = client.get(reverse("solutions:list") + query)
    counts = {solution.title: solution.adopter_count for solution in response.context["page_obj"]}
    assert counts["Bürgerbus per App"] == 3
    assert counts.get("Smarte Straßenlaterne", 0) == 0
    assert "3 Übernahmen" in response.content.decode()


def test_list_stays_within_its_query_budget(client, catalogue, django_assert_max_num_queries):
    for number in range(25):
        solution = SolutionFactory(title=f"Lösung Nummer {number}")
        AdoptionFactory(solution=solution)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("solutions:list"))
    assert len(response.context["page_obj"].object_list) == 20


def test_detail_stays_within_its_query_budget(client, catalogue, django_assert_max_num_queries):
    bus = catalogue["bus"]
    for _number in range(6):
        AdoptionFactory(solution=bus, experience="<p>Läuft gut</p>")
    with django_assert_max_num_queries(20):
        response = client.get(bus.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("Läuft gut") == 6
    assert '"@type": "CreativeWork"' in content
    assert "https://spdx.org/licenses/EUPL-1.2.html" in content


def test_unknown_values_show_as_unknown(client, catalogue):
    content = client.get(catalogue["light"].get_absolute_url()).content.decode()
    assert "nicht bekannt" in content


def test_a_draft_is_hidden_from_visitors(client, catalogue):
    response = client.get(reverse("solutions:detail", args=["loesung-3"]))
    assert response.status_code == 404
