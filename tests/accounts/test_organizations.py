"""Organisation pages: public profile, list, registration, editing, network membership."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch

from ikone.accounts import services
from ikone.accounts.exceptions import AlreadyMemberError, OrganizationExistsError
from ikone.accounts.models import (
    DatePrecision,
    Membership,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
    Role,
)
from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.municipalities.models import Level
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
def test_the_people_page_needs_a_constant_number_of_queries(
    organization, contact_person, django_assert_max_num_queries, people
):
    MembershipFactory.create_batch(people, organization=organization)
    client = Client()
    client.force_login(contact_person)

    with django_assert_max_num_queries(12):
        response = client.get(f"/organisationen/{organization.slug}/personen/")

    assert response.status_code == 200


# --- Registering an organisation ----------------------------------------------


def test_a_person_registers_the_organisation_of_their_municipality(
    client, person, coordinator, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(ags="07340001", name="Kleinstadt", type_code="63")
    client.force_login(person)

    search = client.get("/organisationen/neu/?q=kleinst").content.decode()
    assert "/organisationen/neu/?ags=07340001" in search
    form = client.get("/organisationen/neu/?ags=07340001").content.decode()
    assert 'value="Stadt Kleinstadt"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/organisationen/neu/",
            {"ags": "07340001", "name": "Stadt Kleinstadt", "kind": OrganizationKind.MUNICIPALITY},
        )

    organization = Organization.objects.get(municipality=municipality)
    assert response["Location"] == f"/organisationen/{organization.slug}/"
    assert organization.slug == "stadt-kleinstadt"
    assert Membership.objects.get(organization=organization).role == Role.CONTACT
    assert mail.outbox[0].to == [coordinator.email]
    assert "Neue Organisation: Stadt Kleinstadt" in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="accounts.organization.created").exists()


def test_municipalities_with_an_organisation_are_not_offered(client, person, organization):
    client.force_login(person)

    body = client.get(f"/organisationen/neu/?q={organization.municipality.name}").content.decode()

    assert "Keine passende Kommune ohne Organisation gefunden" in body
    response = client.get(f"/organisationen/neu/?ags={organization.municipality.ags}")
    assert response["Location"] == f"/organisationen/{organization.slug}/"


def test_a_second_organisation_for_a_municipality_is_refused(organization, person):
    with pytest.raises(OrganizationExistsError):
        services.organization_create(
            municipality=organization.municipality,
            name="Noch eine",
            kind=OrganizationKind.MUNICIPALITY,
            actor=Actor(user=person),
        )


@pytest.mark.parametrize(
    ("level", "type_code", "type_label", "name", "kind", "suggested"),
    [
        (
            Level.MUNICIPALITY,
            "61",
            "Kreisfreie Stadt",
            "Speyer",
            OrganizationKind.CITY,
            "Stadt Speyer",
        ),
        (
            Level.MUNICIPALITY,
            "63",
            "Stadt",
            "Andernach",
            OrganizationKind.MUNICIPALITY,
            "Stadt Andernach",
        ),
        (
            Level.MUNICIPALITY,
            "64",
            "Kreisangehörige Gemeinde",
            "Dattenberg",
            OrganizationKind.MUNICIPALITY,
            "Dattenberg",
        ),
        (Level.DISTRICT, "44", "Landkreis", "Kusel", OrganizationKind.DISTRICT, "Landkreis Kusel"),
        (
            Level.DISTRICT,
            "44",
            "Landkreis",
            "Eifelkreis Bitburg-Prüm",
            OrganizationKind.DISTRICT,
            "Eifelkreis Bitburg-Prüm",
        ),
        (
            Level.ASSOCIATION,
            "53",
            "Verbandsgemeinde",
            "Linz am Rhein",
            OrganizationKind.ASSOCIATION,
            "Verbandsgemeinde Linz am Rhein",
        ),
    ],
)
def test_kind_and_name_are_suggested_from_the_directory(
    level, type_code, type_label, name, kind, suggested
):
    municipality = MunicipalityFactory(
        level=level, type_code=type_code, type_label=type_label, name=name
    )

    assert services.organization_kind_for(municipality) == kind
    assert services.organization_default_name(municipality) == suggested


def test_slugs_stay_unique_and_avoid_view_names():
    OrganizationFactory(name="Neu", slug="neu-2")

    assert services.unique_organization_slug("Neu") == "neu-3"
    assert services.unique_organization_slug("Stadt Trier") == "stadt-trier"


# --- Editing ---------------------------------------------------------------------


def test_the_ansprechperson_edits_the_profile(client, organization, contact_person):
    client.force_login(contact_person)

    response = client.post(
        f"/organisationen/{organization.slug}/bearbeiten/",
        {"description": "Neu beschrieben.", "website": "astadt.example", "email": ""},
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.description == "Neu beschrieben."
    assert organization.website == "https://astadt.example"
    entry = AuditEntry.objects.get(action="accounts.organization.updated")
    assert entry.data == {"fields": ["description", "website"]}


def test_an_invalid_website_is_refused_in_german(client, organization, contact_person):
    client.force_login(contact_person)

    response = client.post(
        f"/organisationen/{organization.slug}/bearbeiten/",
        {"description": "", "website": "kein url", "email": ""},
    )

    assert response.status_code == 400
    assert "Bitte geben Sie eine gültige Adresse ein." in response.content.decode()


# --- Network membership ------------------------------------------------------------


def test_a_coordinator_records_network_membership(client_for, organization, primary_network):
    client = client_for("coordinator")

    response = client.post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {
            "action": "save",
            "status": NetworkMembershipStatus.MEMBER,
            "member_since": "2020-01-01",
            "member_since_precision": DatePrecision.YEAR,
            "member_until": "",
            "note": "zehntes Mitglied",
        },
    )

    assert response.status_code == 302
    membership = NetworkMembership.objects.get(organization=organization)
    assert membership.member_since_label == "2020"
    assert membership.note == "zehntes Mitglied"
    entry = AuditEntry.objects.get(action="accounts.network_membership.recorded")
    assert entry.data["status"] == "member"
    assert entry.data["created"] is True
    assert "seit 2020" in _detail(client, organization)


def test_the_end_cannot_lie_before_the_start(client_for, organization, primary_network):
    response = client_for("coordinator").post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {
            "action": "save",
            "status": NetworkMembershipStatus.FORMER,
            "member_since": "2021-05-01",
            "member_since_precision": DatePrecision.DAY,
            "member_until": "2020-05-01",
        },
    )

    assert response.status_code == 400
    assert "Das Ende liegt vor dem Beginn." in response.content.decode()


def test_a_coordinator_removes_the_record(client_for, organization, primary_network):
    NetworkMembershipFactory(organization=organization, network=primary_network)

    client_for("coordinator").post(
        f"/organisationen/{organization.slug}/mitgliedschaft/", {"action": "remove"}
    )

    assert not NetworkMembership.objects.exists()
    assert AuditEntry.objects.filter(action="accounts.network_membership.removed").exists()


def test_without_a_primary_network_the_form_says_so(client_for, organization):
    client = client_for("coordinator")

    page = client.get(f"/organisationen/{organization.slug}/mitgliedschaft/")
    assert "Es ist noch kein Hauptnetzwerk eingerichtet" in page.content.decode()
    response = client.post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {"action": "save", "status": "member", "member_since_precision": "day"},
    )
    assert "Es ist noch kein Netzwerk eingerichtet." in response.content.decode()


@pytest.mark.parametrize(
    ("since", "precision", "label"),
    [
        (datetime.date(2019, 4, 1), DatePrecision.MONTH, "April 2019"),
        (datetime.date(2019, 4, 1), DatePrecision.YEAR, "2019"),
        (datetime.date(2019, 4, 9), DatePrecision.DAY, "9. April 2019"),
        (None, DatePrecision.DAY, ""),
    ],
)
def test_member_since_shows_only_what_is_known(
    organization, primary_network, since, precision, label
):
    membership = NetworkMembershipFactory(
        organization=organization,
        network=primary_network,
        member_since=since,
        member_since_precision=precision,
    )

    assert membership.member_since_label == label


def test_an_ansprechperson_applies_for_membership(
    client,
    organization,
    contact_person,
    coordinator,
    primary_network,
    django_capture_on_commit_callbacks,
):
    client.force_login(contact_person)
    assert "Mitgliedschaft beantragen" in _detail(client, organization)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organisationen/{organization.slug}/mitgliedschaft/beantragen/")

    assert response.status_code == 302
    membership = NetworkMembership.objects.get(organization=organization)
    assert membership.status == NetworkMembershipStatus.APPLIED
    assert mail.outbox[0].to == [coordinator.email]
    assert "Beitritt beantragt" in _detail(client, organization)
    with pytest.raises(AlreadyMemberError):
        services.network_membership_apply(
            organization=organization, actor=Actor(user=contact_person)
        )


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


def test_kreisfreie_staedte_are_offered_once(client, person):
    MunicipalityFactory(
        ags="07318000", name="Speyer", type_code="61", type_label="Kreisfreie Stadt"
    )
    MunicipalityFactory(
        ags="07318",
        name="Speyer, kreisfreie Stadt",
        level=Level.DISTRICT,
        type_code="41",
        type_label="Kreisfreie Stadt",
    )
    client.force_login(person)

    body = client.get("/organisationen/neu/?q=speyer").content.decode()

    assert "?ags=07318000" in body
    assert '?ags=07318"' not in body
