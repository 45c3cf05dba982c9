"""Organisation pages: public profile, people, list, and sections other apps add."""

import datetime

import pytest
from django.test import Client
from django.urls import NoReverseMatch

from ikone.accounts.models import OrganizationKind
from ikone.accounts.signals import OrganizationSection, organization_sections
from tests.accounts.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


def _detail(client, organization) -> str:
    response = client.get(f"/organisationen/{organization.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_public_page_shows_the_profile(client, organization, primary_network):
    organization.description = "Wir digitalisieren die Verwaltung."
    organization.website = "https://astadt.example"
    organization.save()
    NetworkMembershipFactory(organization=organization, network=primary_network)

    body = _detail(client, organization)

    assert '<h1 class="kern-heading-large">Stadt Astadt</h1>' in body
    assert "Gemeinde / Stadt" in body
    assert f"AGS {organization.municipality.ags}" in body
    assert "Netzwerk IKONE DS" in body
    assert "Netzwerkmitglied" in body
    assert "seit 2019" in body
    assert "Wir digitalisieren die Verwaltung." in body
    assert 'href="https://astadt.example"' in body


def test_a_non_member_is_shown_as_such(client, organization, primary_network):
    body = _detail(client, organization)

    assert "kein Mitglied" in body
    assert "Mitglieder und Nichtmitglieder des Netzwerks erhalten dieselbe Unterstützung." in body


def test_the_municipality_links_to_the_directory(client, organization):
    body = _detail(client, organization)

    assert f'href="/kommunen/{organization.municipality.ags}/"' in body


def test_without_the_directory_page_the_name_stays_plain(client, organization, monkeypatch):
    def no_directory(name, args=None, **kwargs):
        raise NoReverseMatch(name)

    monkeypatch.setattr("ikone.accounts.views._helpers.reverse", no_directory)

    body = _detail(client, organization)

    assert f"/kommunen/{organization.municipality.ags}/" not in body
    assert organization.municipality.name in body


def test_cooperations_list_their_members(client):
    cooperation = OrganizationFactory(
        name="Zweckverband Digital", kind=OrganizationKind.COOPERATION, municipality=None
    )
    cooperation.cooperation_members.add(
        MunicipalityFactory(name="Adorf"), MunicipalityFactory(name="Bedorf")
    )

    body = _detail(client, cooperation)

    assert "Beteiligte Kommunen" in body
    assert body.index("Adorf") < body.index("Bedorf")


@pytest.mark.parametrize(
    ("role", "sees_people"),
    [
        ("anonymous", False),
        ("staff_a", True),
        ("contact_a", True),
        ("staff_b", False),
        ("mentor", False),
        ("coordinator", True),
        ("admin", True),
    ],
)
def test_people_are_shown_to_members_and_coordination(client_for, organization, role, sees_people):
    body = _detail(client_for(role), organization)

    assert ("Till Team" in body) is sees_people
    assert ("Anna Ansprech" in body) is sees_people


def test_people_are_shown_to_staff_of_network_members(
    client_for, organization, other_organization, primary_network
):
    NetworkMembershipFactory(organization=other_organization, network=primary_network)

    body = _detail(client_for("staff_b"), organization)

    assert "Till Team" in body


def test_a_former_member_organisation_no_longer_sees_people(
    client_for, organization, other_organization, primary_network
):
    NetworkMembershipFactory(
        organization=other_organization,
        network=primary_network,
        member_until=datetime.date(2020, 12, 31),
    )

    assert "Till Team" not in _detail(client_for("staff_b"), organization)


def test_the_list_filters_by_name_and_network_membership(client, primary_network):
    member = OrganizationFactory(name="Stadt Zweibrücken", slug="zweibruecken")
    NetworkMembershipFactory(organization=member, network=primary_network)
    OrganizationFactory(name="Stadt Mainz", slug="mainz")

    everyone = client.get("/organisationen/").content.decode()
    assert "Stadt Zweibrücken" in everyone and "Stadt Mainz" in everyone
    members = client.get("/organisationen/?mitglied=on").content.decode()
    assert "Stadt Zweibrücken" in members and "Stadt Mainz" not in members
    found = client.get("/organisationen/?q=zweibruecken").content.decode()
    assert "Stadt Zweibrücken" in found and "Stadt Mainz" not in found


def _organizations_with_people(count: int, network) -> None:
    for index in range(count):
        organization = OrganizationFactory(name=f"Stadt Viele {index}")
        MembershipFactory.create_batch(3, organization=organization)
        if index % 2:
            NetworkMembershipFactory(organization=organization, network=network)


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_needs_a_constant_number_of_queries(
    client, primary_network, django_assert_max_num_queries, count
):
    _organizations_with_people(count, primary_network)

    with django_assert_max_num_queries(6):
        response = client.get("/organisationen/")

    assert response.content.decode().count('class="kern-badge') == count


@pytest.mark.parametrize("people", [2, 25])
def test_the_detail_page_needs_a_constant_number_of_queries(
    organization, coordinator, primary_network, django_assert_max_num_queries, people
):
    MembershipFactory.create_batch(people, organization=organization)
    NetworkMembershipFactory(organization=organization, network=primary_network)
    client = Client()
    sign_in(client, coordinator)
    client.get("/konto/profil/")  # settle the session

    with django_assert_max_num_queries(16):
        response = client.get(f"/organisationen/{organization.slug}/")

    assert response.content.decode().count("Kommunale:r Mitarbeiter:in") == people


@pytest.mark.parametrize("people", [2, 25])
def test_the_detail_page_for_its_own_member_keeps_the_query_budget(
    organization, contact_person, primary_network, django_assert_max_num_queries, people
):
    """Issue 15: at most 10 queries besides the session (the bench counts
    with sessions in Redis): the viewer's role comes with the organisation,
    the network with its membership record, the adoptions' visibility as a
    subquery. The member still sees the people and the edit link."""
    MembershipFactory.create_batch(people, organization=organization)
    NetworkMembershipFactory(organization=organization, network=primary_network)
    client = Client()
    client.force_login(contact_person)
    client.get(f"/organisationen/{organization.slug}/")  # fill the layout's memos

    with django_assert_max_num_queries(11):
        response = client.get(f"/organisationen/{organization.slug}/")

    html = response.content.decode()
    assert html.count("Kommunale:r Mitarbeiter:in") == people
    assert f"/organisationen/{organization.slug}/bearbeiten/" in html
    assert f"Netzwerk {primary_network}" in html


@pytest.mark.parametrize("people", [2, 25])
def test_the_people_page_needs_a_constant_number_of_queries(
    organization, contact_person, django_assert_max_num_queries, people
):
    MembershipFactory.create_batch(people, organization=organization)
    client = Client()
    client.force_login(contact_person)

    with django_assert_max_num_queries(12):
        response = client.get(f"/organisationen/{organization.slug}/personen/")

    assert response.status_code == 200


def test_other_apps_contribute_sections_to_the_page(client, organization, tmp_path, settings):
    (tmp_path / "abschnitt.html").write_text("<p>{{ section.context.anzahl }} Workshops</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path]},
    ]

    def workshops(sender, *, organization, user, **kwargs):
        return OrganizationSection(
            title="Besuchte Veranstaltungen", template_name="abschnitt.html", context={"anzahl": 3}
        )

    def nothing(sender, **kwargs):
        return None

    organization_sections.connect(workshops, weak=False)
    organization_sections.connect(nothing, weak=False)
    try:
        body = _detail(client, organization)
    finally:
        organization_sections.disconnect(workshops)
        organization_sections.disconnect(nothing)

    assert '<h2 class="kern-heading-medium" id="abschnitt-1">Besuchte Veranstaltungen</h2>' in body
    assert "<p>3 Workshops</p>" in body
