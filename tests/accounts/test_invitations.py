"""Invitations: an Ansprechperson invites, the invitee accepts with the invited address."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ikone.accounts import services
from ikone.accounts.exceptions import (
    AlreadyMemberError,
    InvitationEmailMismatchError,
    InvitationNotUsableError,
)
from ikone.accounts.models import Invitation, Membership, Role
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import PASSWORD, InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _invite(client, organization, email="kollegin@astadt.example", role=Role.STAFF):
    return client.post(
        f"/organisationen/{organization.slug}/einladen/", {"email": email, "role": role}
    )


def _accept_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/konto/einladung/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_invitation_end_to_end_with_an_existing_account(
    client, organization, contact_person, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="kollegin@astadt.example")
    client.force_login(contact_person)

    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, organization)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kollegin@astadt.example"]
    assert message.subject == "[IKONE] Einladung zu Stadt Astadt"
    assert "Anna Ansprech lädt Sie ein" in message.body
    path = _accept_path(message)

    client.force_login(invitee)
    page = client.get(path)
    assert "Einladung annehmen" in page.content.decode()
    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == f"/organisationen/{organization.slug}/"
    membership = Membership.objects.get(user=invitee, organization=organization)
    assert membership.role == Role.STAFF
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == invitee
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "accounts.invitation.created",
        "accounts.invitation.accepted",
        "accounts.membership.created",
    } <= actions


def test_invitation_sign_up_needs_no_second_confirmation(
    client, organization, contact_person, django_capture_on_commit_callbacks
):
    client.force_login(contact_person)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, organization, email="neu@astadt.example", role=Role.CONTACT)
    path = _accept_path(mail.outbox[0])
    client.logout()

    page = client.get(path)
    assert "Registrieren" in page.content.decode()
    response = client.post(
        f"/konto/signup/?next={path}",
        {
            "email": "neu@astadt.example",
            "password1": "Ein-neues-Passwort-42",
            "password2": "Ein-neues-Passwort-42",
            "next": path,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == path
    assert len(mail.outbox) == 1  # no verification mail: the link proved the address
    client.post(path)
    membership = Membership.objects.get(user__email="neu@astadt.example")
    assert membership.role == Role.CONTACT


def test_after_login_the_person_returns_to_the_invitation(client, organization):
    invitation = InvitationFactory(organization=organization, email="team2@astadt.example")
    UserFactory(email="team2@astadt.example")

    client.get(f"/konto/einladung/{invitation.token}/")
    response = client.post(
        "/konto/login/", {"login": "team2@astadt.example", "password": PASSWORD}
    )

    assert response["Location"] == f"/konto/einladung/{invitation.token}/"


def test_a_different_address_is_refused(client, organization):
    invitation = InvitationFactory(organization=organization, email="richtig@astadt.example")
    person = UserFactory(email="falsch@astadt.example")
    client.force_login(person)

    page = client.get(f"/konto/einladung/{invitation.token}/")
    assert "Die Einladung gilt für richtig@astadt.example" in page.content.decode()
    response = client.post(f"/konto/einladung/{invitation.token}/", follow=True)

    assert "Diese Einladung gilt für richtig@astadt.example" in response.content.decode()
    assert not Membership.objects.filter(user=person).exists()


def test_an_unverified_matching_address_is_refused(organization):
    invitation = InvitationFactory(organization=organization, email="offen@astadt.example")
    user = UserFactory(email="offen@astadt.example", verified_email=False)

    with pytest.raises(InvitationEmailMismatchError):
        services.invitation_accept(invitation=invitation, actor=Actor(user=user))


def test_an_expired_invitation_is_refused(client, organization):
    invitation = InvitationFactory(
        organization=organization,
        email="spaet@astadt.example",
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    person = UserFactory(email="spaet@astadt.example")
    client.force_login(person)

    assert "abgelaufen" in client.get(f"/konto/einladung/{invitation.token}/").content.decode()
    response = client.post(f"/konto/einladung/{invitation.token}/", follow=True)

    assert "Diese Einladung ist abgelaufen" in response.content.decode()
    assert not Membership.objects.filter(user=person).exists()


def test_a_revoked_invitation_is_refused(client, organization, contact_person):
    invitation = InvitationFactory(organization=organization, email="zurueck@astadt.example")
    client.force_login(contact_person)
    response = client.post(
        f"/organisationen/{organization.slug}/einladungen/{invitation.pk}/zurueckziehen/"
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None

    invitee = UserFactory(email="zurueck@astadt.example")
    with pytest.raises(InvitationNotUsableError, match="zurückgezogen"):
        services.invitation_accept(invitation=invitation, actor=Actor(user=invitee))
    assert AuditEntry.objects.filter(action="accounts.invitation.revoked").exists()


def test_an_invitation_is_accepted_only_once(organization):
    invitation = InvitationFactory(organization=organization, email="einmal@astadt.example")
    invitee = UserFactory(email="einmal@astadt.example")
    services.invitation_accept(invitation=invitation, actor=Actor(user=invitee))

    with pytest.raises(InvitationNotUsableError, match="bereits angenommen"):
        services.invitation_accept(invitation=invitation, actor=Actor(user=invitee))


def test_an_unknown_token_is_404(client):
    assert client.get("/konto/einladung/gibt-es-nicht/").status_code == 404


def test_inviting_a_member_again_is_refused(client, organization, contact_person, staff_member):
    client.force_login(contact_person)

    response = _invite(client, organization, email=staff_member.email)

    assert response.status_code == 400
    assert "gehört bereits zu" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_new_invitation_replaces_an_open_one(organization, contact_person):
    actor = Actor(user=contact_person)
    first = services.invitation_create(
        organization=organization, email="zweimal@astadt.example", role=Role.STAFF, actor=actor
    )
    second = services.invitation_create(
        organization=organization, email="Zweimal@astadt.example", role=Role.STAFF, actor=actor
    )

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.is_pending
    validity = second.expires_at - second.created_at
    assert abs(validity - datetime.timedelta(days=14)) < datetime.timedelta(seconds=5)


def test_only_ansprechpersonen_and_coordinators_invite(organization, staff_member, coordinator):
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            organization=organization,
            email="x@astadt.example",
            role=Role.STAFF,
            actor=Actor(user=staff_member),
        )
    invitation = services.invitation_create(
        organization=organization,
        email="x@astadt.example",
        role=Role.STAFF,
        actor=Actor(user=coordinator),
    )
    assert invitation.invited_by == coordinator


def test_a_member_cannot_accept_twice(organization, staff_member):
    invitation = InvitationFactory(organization=organization, email=staff_member.email)

    with pytest.raises(AlreadyMemberError):
        services.invitation_accept(invitation=invitation, actor=Actor(user=staff_member))


def test_the_profile_lists_open_invitations(client, organization):
    invitation = InvitationFactory(organization=organization, email="profil@astadt.example")
    client.force_login(UserFactory(email="profil@astadt.example"))

    body = client.get("/konto/profil/").content.decode()

    assert "Offene Einladungen" in body
    assert f"/konto/einladung/{invitation.token}/" in body


def test_invitations_are_rate_limited(client, organization, contact_person):
    client.force_login(contact_person)
    statuses = [
        _invite(client, organization, email=f"viele{index}@astadt.example").status_code
        for index in range(21)
    ]

    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429
    assert Invitation.objects.count() == 20
