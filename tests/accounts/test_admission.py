"""The admission rule (accounts.admission): only an organisation's
Ansprechpersonen let people in, nobody decides about themself, and every
change by someone outside the organisation is audited and mailed (issue 11.1)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from ikone.accounts import services
from ikone.accounts.exceptions import InvitationNotUsableError, LastContactPersonError
from ikone.accounts.models import Membership, Role
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import (
    CoordinatorFactory,
    InvitationFactory,
    MembershipFactory,
    UserFactory,
)
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mails_at_once(monkeypatch):
    """Tests never commit: run on-commit callbacks (the mails) right away."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


def _member(user, organization) -> bool:
    return Membership.objects.filter(user=user, organization=organization).exists()


# --- Organisation with an Ansprechperson ---------------------------------------------


def test_a_coordinator_cannot_approve_their_own_join_request(
    organization, contact_person, coordinator
):
    request = services.join_request_create(
        organization=organization, message="", actor=Actor(user=coordinator)
    )
    with pytest.raises(PermissionDenied):
        services.join_request_approve(join_request=request, actor=Actor(user=coordinator))
    with pytest.raises(PermissionDenied):
        services.join_request_approve(join_request=request, actor=Actor(user=CoordinatorFactory()))
    assert not _member(coordinator, organization)

    services.join_request_approve(join_request=request, actor=Actor(user=contact_person))
    assert _member(coordinator, organization)


@pytest.mark.parametrize("who", ["coordinator", "admin"])
def test_coordinators_and_operators_do_not_invite_where_there_is_an_ansprechperson(
    organization, contact_person, who, request
):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            organization=organization, email=user.email, role=Role.STAFF, actor=Actor(user=user)
        )


def test_an_invitation_of_a_coordinator_stops_working_once_there_is_an_ansprechperson(
    organization, staff_member, coordinator, person
):
    invitation = services.invitation_create(
        organization=organization,
        email=person.email,
        role=Role.STAFF,
        actor=Actor(user=coordinator),
    )
    MembershipFactory(organization=organization, role=Role.CONTACT)

    with pytest.raises(InvitationNotUsableError):
        services.invitation_accept(invitation=invitation, actor=Actor(user=person))
    assert not _member(person, organization)


def test_nobody_accepts_an_invitation_they_sent(organization, contact_person):
    second = EmailAddress.objects.create(
        user=contact_person, email="privat@example.org", verified=True
    )
    invitation = InvitationFactory(
        organization=organization, email=second.email, invited_by=contact_person
    )
    with pytest.raises(InvitationNotUsableError):
        services.invitation_accept(invitation=invitation, actor=Actor(user=contact_person))


def test_nobody_invites_an_address_of_their_own(organization, staff_member, coordinator):
    EmailAddress.objects.create(user=coordinator, email="zweit@example.org", verified=False)
    for address in (coordinator.email, "ZWEIT@example.org"):
        with pytest.raises(PermissionDenied):
            services.invitation_create(
                organization=organization,
                email=address,
                role=Role.CONTACT,
                actor=Actor(user=coordinator),
            )


def test_a_role_change_by_an_outsider_is_audited_and_mailed(
    organization, contact_person, staff_member, coordinator
):
    membership = Membership.objects.get(user=staff_member, organization=organization)
    services.membership_change_role(
        membership=membership, role=Role.CONTACT, actor=Actor(user=coordinator)
    )

    entry = AuditEntry.objects.get(action="accounts.membership.role_changed")
    assert entry.data["by_outsider"] is True
    # Both Ansprechpersonen after the change are told, the new one included.
    assert sorted(m.to[0] for m in mail.outbox) == [contact_person.email, staff_member.email]
    message = mail.outbox[0]
    assert "Änderung an den Personen von Stadt Astadt" in message.subject
    assert "Till Team ist jetzt Ansprechperson." in message.body
    assert coordinator.email in message.body


def test_a_change_by_a_member_is_not_mailed_as_an_outsiders(
    organization, contact_person, staff_member
):
    membership = Membership.objects.get(user=staff_member, organization=organization)
    services.membership_remove(membership=membership, actor=Actor(user=contact_person))
    entry = AuditEntry.objects.get(action="accounts.membership.removed")
    assert "by_outsider" not in entry.data
    assert mail.outbox == []


def test_an_outsider_never_removes_the_last_ansprechperson(
    organization, contact_person, coordinator
):
    membership = Membership.objects.get(user=contact_person, organization=organization)
    with pytest.raises(LastContactPersonError):
        services.membership_remove(membership=membership, actor=Actor(user=coordinator))
    assert _member(contact_person, organization)


def test_an_operator_cannot_delete_the_only_ansprechpersons_account(
    organization, contact_person, admin
):
    with pytest.raises(LastContactPersonError):
        services.user_delete(user=contact_person, actor=Actor(user=admin))


def test_an_operator_deleting_a_members_account_tells_the_ansprechperson(
    organization, contact_person, staff_member, admin
):
    services.user_delete(user=staff_member, actor=Actor(user=admin))
    [message] = mail.outbox
    assert message.to == [contact_person.email]
    assert "gehört nicht mehr zur Organisation" in message.body
    assert admin.email in message.body


# --- Organisation without an Ansprechperson -------------------------------------------


def test_without_ansprechperson_a_coordinator_appoints_one_but_never_themself(
    organization, staff_member, coordinator
):
    colleague = CoordinatorFactory()
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            organization=organization,
            email=coordinator.email,
            role=Role.CONTACT,
            actor=Actor(user=coordinator),
        )
    services.invitation_create(
        organization=organization,
        email="neue.ansprechperson@astadt.example",
        role=Role.CONTACT,
        actor=Actor(user=coordinator),
    )
    entry = AuditEntry.objects.get(action="accounts.invitation.created")
    assert entry.data["by_outsider"] is True
    outsider_mails = [m for m in mail.outbox if "Änderung an den Personen" in m.subject]
    # No Ansprechperson to tell: the other coordinators are told, not the actor.
    assert [m.to for m in outsider_mails] == [[colleague.email]]


def test_a_coordinator_in_the_organisation_cannot_make_themself_ansprechperson(
    organization, coordinator
):
    membership = MembershipFactory(organization=organization, user=coordinator)
    with pytest.raises(PermissionDenied):
        services.membership_change_role(
            membership=membership, role=Role.CONTACT, actor=Actor(user=coordinator)
        )


def test_without_ansprechperson_coordinators_decide_others_requests(
    organization, staff_member, coordinator
):
    person = UserFactory()
    request = services.join_request_create(
        organization=organization, message="", actor=Actor(user=person)
    )
    services.join_request_approve(join_request=request, actor=Actor(user=coordinator))
    assert _member(person, organization)
    assert AuditEntry.objects.get(action="accounts.membership.created").data["by_outsider"]


# --- The Django admin --------------------------------------------------------------------


def test_the_admin_cannot_add_or_change_memberships(admin, organization, staff_member):
    client = Client()
    sign_in(client, admin)
    membership = Membership.objects.get(user=staff_member)

    assert client.get("/admin/accounts/membership/add/").status_code == 403
    response = client.post(
        f"/admin/accounts/membership/{membership.pk}/change/",
        {"user": admin.pk, "organization": organization.pk, "role": Role.CONTACT},
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert (membership.user, membership.role) == (staff_member, Role.STAFF)
    assert client.get("/admin/accounts/membership/").status_code == 200


def test_the_members_page_shows_a_coordinator_no_invitation_or_decision(
    organization, contact_person, coordinator
):
    services.join_request_create(
        organization=organization, message="", actor=Actor(user=UserFactory())
    )
    client = Client()
    sign_in(client, coordinator)

    page = client.get(f"/organisationen/{organization.slug}/personen/").content.decode()

    assert "Kollegin oder Kollegen einladen" not in page
    assert 'value="approve"' not in page
    assert "Neue Personen nehmen die Ansprechpersonen der Organisation auf." in page
