"""Point 9: /api/v1/ endpoints of the catalogue and the open-data export
(CSV, JSON) under the licence coordinators choose; peers on the
municipality pages."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from ikone.core.models import AuditEntry, FieldOfAction
from ikone.solutions import peers
from ikone.solutions.models import (
    AdoptionVisibility,
    CatalogueExportSettings,
    InterestProfile,
    Licence,
    ReviewState,
)
from tests.accounts.factories import OrganizationFactory
from tests.core.helpers import sign_in
from tests.municipalities.factories import DistrictFactory, MunicipalityFactory, StateFactory
from tests.solutions.factories import AdoptionFactory, SolutionFactory


@pytest.fixture
def catalogue(db):
    mobility = FieldOfAction.objects.get(key="mobility")
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
        for index in range(1, 8)
    ]
    owner = OrganizationFactory(municipality=towns[0], name="Stadt 1", slug="stadt-1")
    bus = SolutionFactory(
        title="Bürgerbus per App",
        slug="buergerbus",
        licence=Licence.EUPL,
        suits_sizes=["small_town"],
        organizations=[owner],
        description='<p>=HYPERLINK("x")</p>',
        contact_name="Erika Muster",
        contact_email="erika@example.org",
    )
    bus.fields_of_action.add(mobility)
    SolutionFactory(title="Geheimer Entwurf", slug="geheim", review_state=ReviewState.DRAFT)
    adopter = OrganizationFactory(municipality=towns[1], name="Stadt 2", slug="stadt-2")
    AdoptionFactory(solution=bus, organization=adopter, status="operating")
    hidden = OrganizationFactory(municipality=towns[2], name="Stadt 3", slug="stadt-3")
    AdoptionFactory(solution=bus, organization=hidden, visibility=AdoptionVisibility.ORGANIZATION)
    asker = OrganizationFactory(municipality=towns[3], name="Stadt 4", slug="stadt-4")
    profile = InterestProfile.objects.create(organization=asker, needs="")
    profile.fields_of_action.add(mobility)
    peers.rebuild()
    return {"bus": bus, "towns": towns, "asker": asker}


def get_json(client, url: str):
    response = client.get(url, secure=True, headers={"Accept": "application/json"})
    return response, (json.loads(response.content) if response.content else None)


def test_the_api_lists_published_solutions_only_with_filters(client, catalogue):
    response, body = get_json(client, "/api/v1/solutions/")
    assert response.status_code == 200
    assert [item["slug"] for item in body["results"]] == ["buergerbus"]
    assert body["results"][0]["fields_of_action"] == ["mobility"]
    assert body["results"][0]["open_licence"] is True
    assert "contact_email" not in body["results"][0]
    _response, body = get_json(client, "/api/v1/solutions/?handlungsfeld=education")
    assert body["results"] == []
    response, _body = get_json(client, "/api/v1/solutions/?stand=unbekannt")
    assert response.status_code == 400


def test_the_api_list_runs_a_constant_number_of_queries(
    client, catalogue, django_assert_max_num_queries
):
    for index in range(10):
        SolutionFactory(title=f"Weitere {index}").fields_of_action.add(
            FieldOfAction.objects.get(key="education")
        )
    with django_assert_max_num_queries(5):
        get_json(client, "/api/v1/solutions/")


def test_the_api_detail_has_the_score_parts_and_public_adopters_only(client, catalogue):
    response, body = get_json(client, "/api/v1/solutions/buergerbus/")
    assert response.status_code == 200
    assert [adopter["organization_name"] for adopter in body["adopters"]] == ["Stadt 2"]
    labels = [part["part"] for part in body["transferability"]["parts"] if part["earned"]]
    assert "offene Lizenz" in labels
    assert body["transferability"]["total"] == sum(
        part["points"] for part in body["transferability"]["parts"] if part["earned"]
    )
    assert "contact_name" not in body


@pytest.mark.parametrize("slug", ["geheim", "gibt-es-nicht"])
def test_drafts_and_unknown_slugs_answer_404(client, catalogue, slug):
    response, _body = get_json(client, f"/api/v1/solutions/{slug}/")
    assert response.status_code == 404


def test_the_api_gives_an_organisations_peers_with_reasons(client, catalogue):
    response, body = get_json(client, "/api/v1/organizations/stadt-1/peers/")
    assert response.status_code == 200
    assert body["municipality"] == "07138001"
    assert len(body["peers"]) == 5
    assert all(peer["reasons"] for peer in body["peers"])
    assert get_json(client, "/api/v1/organizations/niemand/peers/")[0].status_code == 404


def test_the_api_recommends_for_a_municipality_with_reasons(client, catalogue):
    response, body = get_json(client, "/api/v1/municipalities/07138004/recommendations/")
    assert response.status_code == 200
    first = body["recommendations"][0]
    assert first["solution"]["slug"] == "buergerbus"
    assert "passt zu Ihrem Handlungsfeld Mobilität & Verkehr" in first["reasons"]
    assert "offene Lizenz" in first["reasons"]
    missing = get_json(client, "/api/v1/municipalities/07999999/recommendations/")[0]
    assert missing.status_code == 404


def test_the_schema_documents_the_four_operations():
    from django.test import Client

    schema = json.loads(
        Client()
        .get("/api/v1/schema/", secure=True, headers={"Accept": "application/json"})
        .content
    )
    paths = schema["paths"]
    for path in (
        "/api/v1/solutions/",
        "/api/v1/solutions/{slug}/",
        "/api/v1/organizations/{slug}/peers/",
        "/api/v1/municipalities/{ags}/recommendations/",
    ):
        assert "404" in paths[path]["get"]["responses"], path


def test_the_csv_export_has_published_rows_defused_cells_and_the_licence(client, catalogue):
    response = client.get(reverse("solutions:export_csv"), secure=True)
    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [row["slug"] for row in rows] == ["buergerbus"]
    assert rows[0]["fields_of_action"] == "mobility"
    assert rows[0]["public_adopters"] == "1"
    assert "erika" not in text.casefold()


def test_formula_like_cells_are_defused():
    from ikone.solutions.open_data import _cell

    assert _cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert _cell(["a", "b"]) == "a; b"


def test_the_json_export_names_the_chosen_licence(client, catalogue, coordinator):
    sign_in(client, coordinator)
    response = client.post(
        reverse("solutions:open_data"), {"licence": "dl-de-zero-2.0"}, secure=True
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="solutions.export_licence.changed").exists()
    client.logout()
    response = client.get(reverse("solutions:export_json"), secure=True)
    body = json.loads(response.content)
    assert body["licence"] == "dl-de-zero-2.0"
    assert body["licence_url"] == "https://www.govdata.de/dl-de/zero-2-0"
    assert [item["slug"] for item in body["solutions"]] == ["buergerbus"]
    page = client.get(reverse("solutions:open_data"), secure=True)
    assert "Datenlizenz Deutschland – Zero – Version 2.0" in page.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "staff_a", "contact_a", "mentor"])
def test_only_coordinators_choose_the_licence(client, catalogue, user_for_role, role):
    user = user_for_role(role)
    if user is not None:
        sign_in(client, user)
    response = client.post(reverse("solutions:open_data"), {"licence": "CC0-1.0"}, secure=True)
    assert response.status_code == 403
    assert not CatalogueExportSettings.objects.exists()


def test_an_unknown_licence_is_refused_with_a_message(client, catalogue, coordinator):
    sign_in(client, coordinator)
    response = client.post(reverse("solutions:open_data"), {"licence": "WTFPL"}, secure=True)
    assert response.status_code == 400
    assert "WTFPL ist keine gültige Auswahl" in response.content.decode()


def test_a_municipality_page_shows_five_peers_with_reasons(
    client, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("municipalities:detail", args=["07138001"]), secure=True)
    body = response.content.decode()
    assert "Ähnliche Kommunen, von denen Sie lernen können" in body
    assert body.count("ähnlich groß (") == 5
    assert "im selben Kreis" in body


def test_recommendations_by_key_stay_within_their_query_budget(
    client, catalogue, django_assert_max_num_queries
):
    for index in range(20):
        solution = SolutionFactory(title=f"Weitere {index}", suits_sizes=["small_town"])
        solution.fields_of_action.add(FieldOfAction.objects.get(key="mobility"))
    url = reverse("solutions:recommendations") + "?ags=07138004"
    client.get(url, secure=True)  # warms the semantic cache and the session-free path
    with django_assert_max_num_queries(14):
        response = client.get(url, secure=True)
    assert response.content.decode().count("Warum:") == 10


def test_recommendations_for_the_signed_in_organisation_stay_within_budget(
    client, catalogue, django_assert_max_num_queries
):
    from tests.accounts.factories import MembershipFactory

    user = MembershipFactory(organization=catalogue["asker"]).user
    sign_in(client, user)
    url = reverse("solutions:recommendations")
    client.get(url, secure=True)
    with django_assert_max_num_queries(17):
        response = client.get(url, secure=True)
    body = response.content.decode()
    assert "passt zu Ihrem Handlungsfeld Mobilität &amp; Verkehr" in body
