"""Similar municipalities and recommendations: ranking and true reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.solutions import peers
from ikone.solutions.models import InterestProfile, ModelProject, Peer
from ikone.solutions.recommendations import Place, recommend
from ikone.solutions.services.interests import interest_profile_save
from tests.accounts.factories import OrganizationFactory
from tests.core.helpers import sign_in
from tests.municipalities.factories import DistrictFactory, MunicipalityFactory, StateFactory
from tests.solutions.factories import AdoptionFactory, SolutionFactory


@pytest.fixture
def places(db):
    """Six towns of about 6,000 people in one Kreis, one far bigger city,
    and a village in another Land."""
    rlp = StateFactory()
    kreis = DistrictFactory(ags="07138", state=rlp)
    towns = [
        MunicipalityFactory(
            ags=f"0713800{index}",
            name=f"Stadt {index}",
            name_short=f"Stadt {index}",
            type_label="Stadt",
            district=kreis,
            population=6_000 + 100 * index,
            area_km2=Decimal("20.00"),
        )
        for index in range(1, 7)
    ]
    city = MunicipalityFactory(
        ags="07138099", district=kreis, population=300_000, area_km2=Decimal("100.00")
    )
    bavaria = StateFactory(ags="09", name="Bayern")
    far = MunicipalityFactory(
        ags="09999001",
        district=DistrictFactory(ags="09999", state=bavaria),
        population=6_000,
        area_km2=Decimal("20.00"),
    )
    return {"towns": towns, "city": city, "far": far}


def test_peers_are_the_most_similar_places_with_reasons(places):
    written = peers.rebuild()
    assert written == 8 * 5
    first = places["towns"][0]
    rows = list(Peer.objects.filter(municipality=first).select_related("peer"))
    assert [row.rank for row in rows] == [1, 2, 3, 4, 5]
    assert places["city"].pk not in {row.peer_id for row in rows}
    assert places["far"].pk not in {row.peer_id for row in rows}
    texts = [peers.reason_text(reason) for reason in rows[0].reasons]
    assert texts[0].startswith("ähnlich groß (")
    assert "im selben Kreis" in texts


def test_places_to_learn_from_come_first_among_similar_ones(places):
    learner = places["towns"][5]  # the least similar of the towns to town 1
    ModelProject.objects.create(
        organization=OrganizationFactory(municipality=learner, name="Stadt 6", slug="s6"),
        name="Stadt 6",
        kind_label="Stadt",
        lands=["Rheinland-Pfalz"],
        round_year=2021,
        category="small",
        sources=["https://example.org"],
    )
    peers.rebuild()
    first = Peer.objects.get(municipality=places["towns"][0], rank=1)
    assert first.peer_id == learner.pk
    assert {"code": "model_project", "year": 2021} in first.reasons


@pytest.fixture
def world(places):
    mobility = FieldOfAction.objects.get(key="mobility")
    towns = places["towns"]
    linz = OrganizationFactory(municipality=towns[0], name="Stadt Linz", slug="linz")
    neighbour = OrganizationFactory(municipality=towns[1], name="Stadt Nachbar", slug="nachbar")
    bus = SolutionFactory(title="Bürgerbus-App", suits_sizes=["small_town"], licence="EUPL-1.2")
    bus.fields_of_action.add(mobility)
    SolutionFactory(title="Ohne Bezug", suits_sizes=["city"])
    own = SolutionFactory(title="Eigene Lösung", organizations=[linz], suits_sizes=["small_town"])
    AdoptionFactory(solution=bus, organization=neighbour, status="operating")
    peers.rebuild()
    InterestProfile.objects.create(organization=linz).fields_of_action.add(mobility)
    return {"linz": linz, "bus": bus, "own": own}


def test_recommendations_rank_with_reasons_that_are_true(world):
    linz = world["linz"]
    results = recommend(Place(municipality=linz.municipality, organization=linz))
    assert [result.solution.title for result in results] == ["Bürgerbus-App"]
    assert results[0].reasons == [
        "passt zu Ihrem Handlungsfeld Mobilität & Verkehr",
        "passt zu Orten Ihrer Größe: Kleinstadt (5.000 bis 20.000)",
        "von Stadt 2 übernommen, einer Kommune ähnlich wie Ihre",
        "von 1 Kommune ähnlicher Größe übernommen",
        "offene Lizenz",
        "aus Ihrem Land",  # the factory's owner lies in Rheinland-Pfalz too
    ]


def test_visitors_get_recommendations_for_any_municipality(client, world):
    response = client.get(reverse("solutions:recommendations") + "?ags=07138001")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bürgerbus-App" in content
    assert "Eigene Lösung" not in content


def test_an_unknown_key_gets_a_german_error(client, world):
    response = client.get(reverse("solutions:recommendations") + "?ags=12345678")
    assert "Zu diesem Schlüssel gibt es keine Kommune." in response.content.decode()


def test_staff_say_what_they_look_for(client, world, django_assert_max_num_queries):
    from tests.accounts.factories import MembershipFactory

    user = MembershipFactory(organization=world["linz"]).user
    sign_in(client, user)
    energy = FieldOfAction.objects.get(key="energy_environment_climate")
    response = client.post(
        reverse("solutions:recommendations"),
        {"organisation": "linz", "fields_of_action": [energy.pk], "needs": "Strom sparen"},
    )
    assert response.status_code == 302
    profile = InterestProfile.objects.get(organization=world["linz"])
    assert list(profile.fields_of_action.all()) == [energy]
    with django_assert_max_num_queries(30):
        assert client.get(reverse("solutions:recommendations")).status_code == 200
    # The recommendations are a memo (issue 15): the repeated view stays in budget.
    with django_assert_max_num_queries(10):
        assert client.get(reverse("solutions:recommendations")).status_code == 200


def test_others_may_not_change_an_organisations_interests(world, other_staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        interest_profile_save(
            organization=world["linz"], fields_of_action=[], needs="", actor=Actor(other_staff)
        )


def test_the_organisation_page_shows_its_peers(client, world):
    content = client.get(world["linz"].get_absolute_url()).content.decode()
    assert "Ähnliche Kommunen, von denen Sie lernen können" in content
    assert "ähnlich groß" in content
