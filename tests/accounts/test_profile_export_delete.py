"""The person's own account: profile, personal data export, account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied

from ikone.accounts import services
from ikone.accounts.exceptions import LastAdministratorError
from ikone.accounts.models import JoinRequest, Membership, Organization, Role, User
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import (
    PASSWORD,
    AdminFactory,
    InvitationFactory,
    JoinRequestFactory,
)
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


# --- Profile ---------------------------------------------------------------------


def test_the_profile_shows_organisations_roles_and_links(client, organization, contact_person):
    client.force_login(contact_person)

    body = client.get("/konto/profil/").content.decode()

    assert "Stadt Astadt" in body
    assert "Ansprechperson" in body
    for url in ("/konto/2fa/", "/konto/export/", "/konto/loeschen/", "/konto/email/"):
        assert f'href="{url}"' in body


def test_the_profile_is_edited(client, staff_member):
    client.force_login(staff_member)

    response = client.post(
        "/konto/profil/",
        {
            "name": " Till Team ",
            "job_title": "Digitallotse",
            "phone": "0631 123",
            "language": "en",
        },
        follow=True,
    )

    assert "Ihre Angaben wurden gespeichert." in response.content.decode()
    staff_member.refresh_from_db()
    assert (
        staff_member.name,
        staff_member.job_title,
        staff_member.phone,
        staff_member.language,
    ) == ("Till Team", "Digitallotse", "0631 123", "en")


def test_mail_reaches_the_person_in_the_language_they_chose(client, staff_member):
    from django.core import mail as outbox

    from ikone.core import mail
    from tests.accounts.factories import InvitationFactory

    client.force_login(staff_member)
    client.post(
        "/konto/profil/",
        {"name": "Till", "job_title": "", "phone": "", "language": "en"},
    )
    staff_member.refresh_from_db()
    invitation = InvitationFactory(organization__name="Musterstadt")

    mail.send(mail.Mail("accounts.invitation", [staff_member], {"invitation": invitation}))

    assert outbox.outbox[0].subject == "[IKONE] Invitation to Musterstadt"


def test_an_unknown_mail_language_is_refused_and_the_input_kept(client, staff_member):
    client.force_login(staff_member)

    response = client.post(
        "/konto/profil/",
        {"name": "Till Team", "job_title": "", "phone": "", "language": "fr"},
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Till Team" in body
    staff_member.refresh_from_db()
    assert staff_member.language == "de"


def test_a_too_long_name_is_refused(client, staff_member):
    client.force_login(staff_member)

    response = client.post(
        "/konto/profil/", {"name": "x" * 151, "job_title": "", "phone": "", "language": "de"}
    )

    assert response.status_code == 400


def test_without_organisation_the_profile_offers_joining_or_registering(client, person):
    client.force_login(person)

    body = client.get("/konto/profil/").content.decode()

    assert "Sie gehören noch zu keiner Organisation." in body
    assert 'href="/organisationen/neu/"' in body


def test_only_oneself_changes_the_profile(staff_member, contact_person):
    with pytest.raises(PermissionDenied):
        services.profile_update(
            user=staff_member, name="x", job_title="", phone="", actor=Actor(user=contact_person)
        )


# --- Export ------------------------------------------------------------------------


def test_the_export_contains_everything_about_the_person(
    client, organization, contact_person, other_organization
):
    InvitationFactory(organization=organization, invited_by=contact_person, email="a@b.example")
    JoinRequestFactory(organization=other_organization, user=contact_person, message="Hallo")
    client.force_login(contact_person)
    assert "Daten herunterladen (JSON)" in client.get("/konto/export/").content.decode()

    response = client.post("/konto/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="ikone-meine-daten-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == "ansprech@astadt.example"
    assert data["profile"]["name"] == "Anna Ansprech"
    assert data["email_addresses"] == [
        {"email": "ansprech@astadt.example", "verified": True, "primary": True}
    ]
    assert data["memberships"][0]["organization"] == "Stadt Astadt"
    assert data["memberships"][0]["role"] == Role.CONTACT
    assert data["invitations"][0]["email"] == "a@b.example"
    assert data["invitations"][0]["sent_by_you"]
    assert data["join_requests"][0]["message"] == "Hallo"
    assert [entry["action"] for entry in data["audit_entries"]] == ["accounts.user.exported"]
    assert "password" not in json.dumps(data)


def test_the_export_is_logged(client, staff_member):
    client.force_login(staff_member)

    client.post("/konto/export/")

    entry = AuditEntry.objects.get(action="accounts.user.exported")
    assert entry.actor == staff_member
    assert entry.target_id == str(staff_member.pk)


def test_nobody_exports_someone_else(staff_member, contact_person):
    with pytest.raises(PermissionDenied):
        services.user_export(user=staff_member, actor=Actor(user=contact_person))


# --- Deletion ----------------------------------------------------------------------


def test_deletion_needs_the_password(client, staff_member):
    client.force_login(staff_member)

    response = client.post("/konto/loeschen/", {"password": "falsch", "confirm": "on"})

    assert response.status_code == 400
    assert "Das Passwort stimmt nicht." in response.content.decode()
    assert User.objects.filter(pk=staff_member.pk).exists()


def test_deletion_needs_the_confirmation(client, staff_member):
    client.force_login(staff_member)

    response = client.post("/konto/loeschen/", {"password": PASSWORD})

    assert response.status_code == 400
    assert User.objects.filter(pk=staff_member.pk).exists()


def test_a_staff_member_deletes_their_account(client, organization, staff_member, contact_person):
    invitation = InvitationFactory(organization=organization, invited_by=staff_member)
    JoinRequestFactory(user=staff_member)
    client.force_login(staff_member)
    pk = staff_member.pk

    response = client.post("/konto/loeschen/", {"password": PASSWORD, "confirm": "on"})

    assert response["Location"] == "/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Ihr Konto wurde gelöscht."]
    assert not User.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert not JoinRequest.objects.filter(user_id=pk).exists()
    assert not EmailAddress.objects.filter(user_id=pk).exists()
    invitation.refresh_from_db()
    assert invitation.invited_by is None
    entry = AuditEntry.objects.get(action="accounts.user.deleted")
    assert entry.target_id == str(pk)
    assert entry.actor is None  # the account is gone, the label stays
    assert entry.actor_label == "team@astadt.example"
    assert client.get("/konto/profil/").status_code == 302


def test_the_last_ansprechperson_with_colleagues_is_refused(
    client, organization, contact_person, staff_member
):
    client.force_login(contact_person)

    page = client.get("/konto/loeschen/").content.decode()
    assert "Bitte übergeben Sie zuerst Ihre Rolle als Ansprechperson." in page
    response = client.post("/konto/loeschen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 400
    assert "Sie sind die einzige Ansprechperson von „Stadt Astadt“" in response.content.decode()
    assert User.objects.filter(pk=contact_person.pk).exists()


def test_a_sole_member_is_told_the_organisation_stays(client, organization, contact_person):
    client.force_login(contact_person)

    page = client.get("/konto/loeschen/").content.decode()
    assert "„Stadt Astadt“ bleibt auf der Plattform bestehen" in page
    client.post("/konto/loeschen/", {"password": PASSWORD, "confirm": "on"})

    assert not User.objects.filter(pk=contact_person.pk).exists()
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_the_last_administrator_cannot_delete_themselves(client):
    admin = AdminFactory()
    sign_in(client, admin)

    response = client.post("/konto/loeschen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 400
    assert "Das letzte Administrationskonto" in response.content.decode()
    with pytest.raises(LastAdministratorError):
        services.user_delete(user=admin, actor=Actor(user=admin))


def test_an_administrator_with_a_colleague_may_delete_themselves(client):
    admin = AdminFactory()
    AdminFactory()

    services.user_delete(user=admin, actor=Actor(user=admin))

    assert not User.objects.filter(pk=admin.pk).exists()


def test_nobody_deletes_someone_else(staff_member, contact_person):
    with pytest.raises(PermissionDenied):
        services.user_delete(user=staff_member, actor=Actor(user=contact_person))


def test_password_guesses_on_the_deletion_page_are_limited(client, staff_member):
    client.force_login(staff_member)
    for _ in range(5):
        client.post("/konto/loeschen/", {"password": "falsch", "confirm": "on"})

    response = client.post("/konto/loeschen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 429
    assert User.objects.filter(pk=staff_member.pk).exists()
