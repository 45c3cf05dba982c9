"""/api/v1/municipalities/: read-only, public, filtered like the HTML page."""

import datetime

import pytest

from tests.municipalities.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/municipalities/"


def keys(response) -> list[str]:
    return [unit["ags"] for unit in response.json()["results"]]


def test_the_list_is_public_and_paginated(client, hierarchy):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert (body["count"], body["next"], body["previous"]) == (10, None, None)


def test_a_list_entry_carries_keys_figures_and_status(client, hierarchy):
    response = client.get(LIST_URL, {"q": "Zweibrücken, Stadt"})

    assert response.json()["results"] == [
        {
            "url": "http://testserver/api/v1/municipalities/07320000/",
            "ags": "07320000",
            "name": "Zweibrücken, Stadt",
            "name_short": "Zweibrücken",
            "level": "municipality",
            "type_code": "61",
            "type_label": "Kreisfreie Stadt",
            "population": 33323,
            "area_km2": "70.64",
            "state": "07",
            "district": "07320",
            "parent": "07320",
            "is_member": False,
        }
    ]


def test_pages_hold_50_units_with_links_that_keep_the_filters(client, hierarchy):
    for number in range(55):
        MunicipalityFactory(ags=f"07335{100 + number}", district=hierarchy.district)

    first = client.get(LIST_URL, {"kreis": "07335"}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 58
    assert len(first["results"]) == 50
    assert "kreis=07335" in first["next"]
    assert "page=2" in first["next"]
    assert len(second["results"]) == 8
    assert second["next"] is None
    assert "kreis=07335" in second["previous"]


@pytest.mark.parametrize("page", ["", "abc", "0"])
def test_an_invalid_page_number_answers_404_not_the_first_page(client, hierarchy, page):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"land": "10"}, ["10041", "10041100"]),
        ({"kreis": "07335"}, ["07335004", "073355002", "07335010"]),
        ({"q": "zweibruecken"}, ["07320", "07320000"]),
        ({"q": "ZWEIBRÜCKEN"}, ["07320", "07320000"]),
        ({"typ": "land"}, ["07", "10"]),
        ({"typ": "verband"}, ["073355002"]),
        ({"typ": "61"}, ["07320000"]),
        ({"land": "07", "typ": "gemeinde", "q": "en"}, ["07335004", "07335010", "07320000"]),
        ({"land": "", "kreis": "", "typ": "", "q": ""}, None),
    ],
)
def test_filters(client, hierarchy, params, expected):
    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    if expected is None:
        assert response.json()["count"] == 10
    else:
        assert keys(response) == expected


def test_mitglied_filter(client, hierarchy):
    network = NetworkFactory()
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city), network=network
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.sibling),
        network=network,
        member_until=datetime.date(2020, 12, 31),
    )

    response = client.get(LIST_URL, {"mitglied": "true"})

    assert keys(response) == ["07320000"]
    assert response.json()["results"][0]["is_member"] is True


@pytest.mark.parametrize(
    "params",
    [
        {"land": "7"},
        {"kreis": "0733"},
        {"typ": "dorf"},
        {"mitglied": "vielleicht"},
        {"q": "x" * 101},
    ],
)
def test_invalid_filters_are_refused(client, hierarchy, params):
    response = client.get(LIST_URL, params)

    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_the_detail_spells_out_parents_and_figures(client, hierarchy):
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city, slug="zweibruecken"),
        network=NetworkFactory(),
        member_since=datetime.date(2021, 3, 1),
    )

    response = client.get(f"{LIST_URL}07320000/")

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == {"ags": "07", "name": "Rheinland-Pfalz", "level": "state"}
    assert body["district"] == {
        "ags": "07320",
        "name": "Zweibrücken, kreisfreie Stadt",
        "level": "district",
    }
    assert body["parent"] == body["district"]
    assert (body["latitude"], body["longitude"]) == ("49.246262", "7.369758")
    assert body["density"] == "472"
    assert (
        body["is_member"],
        body["member_since"],
        body["member_since_precision"],
        body["organization"],
    ) == (True, "2021-03-01", "day", "zweibruecken")


@pytest.mark.parametrize("ags", ["07", "07335", "073355002", "07335004"])
def test_the_detail_serves_every_level(client, hierarchy, ags):
    response = client.get(f"{LIST_URL}{ags}/")

    assert response.status_code == 200
    assert response.json()["ags"] == ags


def test_a_land_has_no_parents(client, hierarchy):
    body = client.get(f"{LIST_URL}07/").json()

    assert (body["state"], body["district"], body["parent"], body["density"]) == (
        None,
        None,
        None,
        "208",
    )


@pytest.mark.parametrize("ags", ["99999999", "0733", "abc"])
def test_unknown_keys_are_not_found(client, hierarchy, ags):
    assert client.get(f"{LIST_URL}{ags}/").status_code == 404


def test_the_api_is_read_only(client, hierarchy):
    assert client.post(LIST_URL, {"ags": "07999"}).status_code in {403, 405}
    assert client.delete(f"{LIST_URL}07/").status_code in {403, 405}


def test_the_list_uses_a_constant_number_of_queries(
    client, hierarchy, django_assert_max_num_queries
):
    network = NetworkFactory()
    for number in range(30):
        unit = MunicipalityFactory(
            ags=f"07335{200 + number}", district=hierarchy.district, parent=hierarchy.association
        )
        NetworkMembershipFactory(
            organization=OrganizationFactory(municipality=unit), network=network
        )

    with django_assert_max_num_queries(2):
        response = client.get(LIST_URL, {"land": "07"})

    assert response.json()["count"] == 36


def test_the_detail_uses_one_query(client, hierarchy, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get(f"{LIST_URL}07335004/")


@pytest.mark.parametrize(
    "params", [{}, {"q": "en"}, {"land": "07", "typ": "gemeinde"}, {"format": "json"}]
)
def test_list_rows_are_what_the_generic_serializer_writes(client, hierarchy, params):
    """`MunicipalityRows` writes each row itself from fewer columns; it must
    match DRF's generic path on the full rows field for field (a member,
    units without Land, Kreis, parent, population or area)."""
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from ikone.api.serializers.municipalities import MunicipalityListSerializer
    from ikone.municipalities.selectors import DirectoryFilter, municipality_list

    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city), network=NetworkFactory()
    )
    MunicipalityFactory(
        ags="07335099", name="Ohne Zahlen", district=hierarchy.district, population=None,
        area_km2=None,
    )  # fmt: skip
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    request = Request(APIRequestFactory().get(LIST_URL, params))
    units = municipality_list(
        filters=DirectoryFilter(
            q=params.get("q", ""),
            state_key=params.get("land", ""),
            kind=params.get("typ", ""),
        )
    )
    expected = [
        MunicipalityListSerializer(unit, context={"request": request}).data for unit in units
    ]
    assert expected
    if not params:
        assert any(row["is_member"] for row in expected)
        assert any(row["parent"] is None for row in expected)
        assert any(row["area_km2"] is None for row in expected)
        assert any(row["area_km2"] is not None for row in expected)
    assert JSONRenderer().render(response.json()["results"]) == JSONRenderer().render(expected)
