"""Registering an organisation for a municipality and editing its profile."""

import pytest
from django.core import mail

from ikone.accounts import services
from ikone.accounts.exceptions import OrganizationExistsError
from ikone.accounts.models import Membership, Organization, OrganizationKind, Role
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.municipalities.models import Level
from tests.accounts.factories import MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


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
