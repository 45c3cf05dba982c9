"""/kommunen/<ags>/ for every level."""

import datetime
import re

import pytest
from django.urls import NoReverseMatch, reverse

from tests.municipalities.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's text without tags, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_every_key_length_has_a_page(client, hierarchy):
    for unit in (
        hierarchy.state,
        hierarchy.district,
        hierarchy.association,
        hierarchy.municipality,
    ):
        url = reverse("municipalities:detail", args=[unit.ags])
        assert url == f"/kommunen/{unit.ags}/"
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("ags", ["99999999", "0733", "abcdefgh", "0733500411"])
def test_unknown_or_malformed_keys_are_not_found(client, hierarchy, ags):
    assert client.get(f"/kommunen/{ags}/").status_code == 404


def test_a_gemeinde_shows_its_figures_in_german_format(client, hierarchy):
    page = text(client.get("/kommunen/07320000/"))

    assert "Zweibrücken, Stadt" in page
    assert "Kreisfreie Stadt" in page
    assert "Einwohnerzahl 33.323" in page
    assert "Fläche 70,64 km²" in page
    assert "Bevölkerungsdichte 472 Einwohner je km²" in page
    assert "Postleitzahl 67657" in page
    assert "Mittelpunkt 49,246262° N, 7,369758° O" in page


def test_a_gemeinde_links_its_verband_kreis_and_land(client, hierarchy):
    content = client.get("/kommunen/07335004/").content.decode()

    for ags in ("073355002", "07335", "07"):
        assert f'href="/kommunen/{ags}/"' in content


def test_unknown_figures_are_said_to_be_unknown(client, hierarchy):
    unit = MunicipalityFactory(
        ags="07335050", district=hierarchy.district, population=None, area_km2=None
    )

    page = text(client.get(f"/kommunen/{unit.ags}/"))

    assert "Einwohnerzahl nicht bekannt" in page
    assert "Bevölkerungsdichte nicht bekannt" in page
    assert "Mittelpunkt" not in page


def test_a_land_lists_its_kreise(client, hierarchy):
    page = text(client.get("/kommunen/07/"))

    assert "Kreise und kreisfreie Städte" in page
    assert "Kaiserslautern" in page
    assert "Zweibrücken, kreisfreie Stadt" in page
    assert "Regionalverband Saarbrücken" not in page


def test_a_kreis_lists_its_verbaende_and_all_its_gemeinden(client, hierarchy):
    content = client.get("/kommunen/07335/").content.decode()

    assert "Gemeindeverbände" in content
    for ags in ("073355002", "07335004", "07335010"):
        assert f'href="/kommunen/{ags}/"' in content
    assert 'href="/kommunen/07/"' in content


def test_a_verband_lists_its_gemeinden(client, hierarchy):
    content = client.get("/kommunen/073355002/").content.decode()

    assert 'href="/kommunen/07335004/"' in content
    assert 'href="/kommunen/07335010/"' in content
    assert 'href="/kommunen/07320000/"' not in content


def test_breadcrumbs_lead_from_the_land_down(client, hierarchy):
    content = client.get("/kommunen/07335004/").content.decode()
    crumbs = content[content.index('aria-label="Sie sind hier"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]

    assert re.findall(r'href="([^"]+)"', crumbs) == [
        "/",
        "/kommunen/",
        "/kommunen/07/",
        "/kommunen/07335/",
        "/kommunen/073355002/",
    ]
    assert '<span aria-current="page">Enkenbach-Alsenborn</span>' in crumbs


def test_a_member_shows_since_when(client, hierarchy):
    NetworkMembershipFactory(
        organization=OrganizationFactory(
            municipality=hierarchy.city, name="Stadt Zweibrücken", slug="zweibruecken"
        ),
        network=NetworkFactory(),
        member_since=datetime.date(2021, 3, 1),
    )

    page = text(client.get("/kommunen/07320000/"))

    assert "Mitglied seit 1. März 2021 (Interkommunales Netzwerk Digitale Stadt)" in page


@pytest.mark.parametrize(
    ("precision", "shown"),
    [("year", "Mitglied seit 2019 ("), ("month", "Mitglied seit April 2019 (")],
)
def test_member_since_shows_only_what_is_known(client, hierarchy, precision, shown):
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city),
        network=NetworkFactory(),
        member_since=datetime.date(2019, 4, 1),
        member_since_precision=precision,
    )

    assert shown in text(client.get("/kommunen/07320000/"))


def test_a_non_member_says_so(client, hierarchy):
    NetworkFactory()

    page = text(client.get("/kommunen/07335004/"))

    assert "kein Mitglied (Interkommunales Netzwerk Digitale Stadt)" in page
    assert "Mitglied seit" not in page


def test_the_organisation_is_linked_where_its_page_exists(client, hierarchy):
    OrganizationFactory(municipality=hierarchy.city, name="Stadt Zweibrücken", slug="zweibruecken")

    content = client.get("/kommunen/07320000/").content.decode()

    try:
        url = reverse("organizations:detail", kwargs={"slug": "zweibruecken"})
    except NoReverseMatch:
        assert "Auf der Plattform vertreten durch Stadt Zweibrücken" in content
    else:
        assert f'href="{url}"' in content
        assert "Zur Organisationsseite von Stadt Zweibrücken" in content


def test_the_page_shows_the_licence(client, hierarchy):
    page = text(client.get("/kommunen/07335/"))

    assert "Datenquelle: Statistisches Bundesamt (Destatis)" in page
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in page


@pytest.mark.parametrize("ags", ["07", "07335", "073355002", "07335004"])
def test_every_level_uses_a_constant_number_of_queries(
    client, hierarchy, ags, django_assert_max_num_queries
):
    network = NetworkFactory()
    for number in range(25):
        unit = MunicipalityFactory(
            ags=f"07335{300 + number}", district=hierarchy.district, parent=hierarchy.association
        )
        NetworkMembershipFactory(
            organization=OrganizationFactory(municipality=unit), network=network
        )

    # The page's own two queries plus the layout's two (footer pages, Wagtail
    # site); a Gemeinde has no subdivisions to read but five similar places.
    with django_assert_max_num_queries(4):
        client.get(f"/kommunen/{ags}/")
