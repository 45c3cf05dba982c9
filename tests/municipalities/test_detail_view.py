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


def test_a_change_appears_on_the_next_visit(client, hierarchy):
    """What the page shows of the unit is a memo (views._unit_page): each
    table it was read from changes it at once – the unit, its subdivisions,
    organisations, networks and memberships."""
    assert "Kaiserslautern" in text(client.get("/kommunen/07335/"))

    hierarchy.district.name = "Landkreis Kaiserslautern"
    hierarchy.district.save()
    assert "<title>Landkreis Kaiserslautern" in client.get("/kommunen/07335/").content.decode()

    MunicipalityFactory(ags="07335097", name="Neudorf", district=hierarchy.district)
    assert 'href="/kommunen/07335097/"' in client.get("/kommunen/07335/").content.decode()

    network = NetworkFactory()
    assert "kein Mitglied (Interkommunales Netzwerk Digitale Stadt)" in text(
        client.get("/kommunen/07320000/")
    )
    membership = NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city),
        network=network,
        member_since=datetime.date(2021, 3, 1),
    )
    assert "Mitglied seit 1. März 2021" in text(client.get("/kommunen/07320000/"))

    membership.member_until = datetime.date(2020, 1, 1)
    membership.save()
    assert "Mitglied seit" not in text(client.get("/kommunen/07320000/"))


def test_a_membership_ends_with_its_last_day(client, hierarchy, monkeypatch):
    from ikone.accounts import querysets
    from ikone.municipalities import views

    last_day = datetime.date(2026, 12, 5)
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city),
        network=NetworkFactory(),
        member_until=last_day,
    )
    for module in (querysets, views):
        monkeypatch.setattr(module, "berlin_date", lambda: last_day)
    assert "Mitglied seit" in text(client.get("/kommunen/07320000/"))

    for module in (querysets, views):
        monkeypatch.setattr(module, "berlin_date", lambda: last_day + datetime.timedelta(days=1))
    assert "Mitglied seit" not in text(client.get("/kommunen/07320000/"))


def test_languages_are_kept_apart(client, hierarchy):
    german = client.get("/kommunen/07335/").content.decode()
    english = client.get("/en/kommunen/07335/", headers={"Accept-Language": "en"})
    assert "Einwohnerzahl" in german
    assert "Einwohnerzahl" not in english.content.decode()
    assert 'href="/en/kommunen/07335004/"' in english.content.decode()
