"""Roles within an organisation: change, remove, leave; an Ansprechperson always remains."""

import pytest
from django.core.exceptions import PermissionDenied

from ikone.accounts import services
from ikone.accounts.exceptions import LastContactPersonError
from ikone.accounts.models import Membership, Role
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import ContactMembershipFactory

pytestmark = pytest.mark.django_db


def _membership(user, organization) -> Membership:
    return Membership.objects.get(user=user, organization=organization)


def test_the_ansprechperson_promotes_a_colleague(
    client, organization, contact_person, staff_member
):
    membership = _membership(staff_member, organization)
    client.force_login(contact_person)

    response = client.post(
        f"/organisationen/{organization.slug}/personen/{membership.pk}/rolle/",
        {f"m{membership.pk}-role": Role.CONTACT},
        follow=True,
    )

    assert "Till Team ist jetzt Ansprechperson." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.CONTACT
    entry = AuditEntry.objects.get(action="accounts.membership.role_changed")
    assert entry.data == {
        "organization": "astadt",
        "user": staff_member.pk,
        "from": "staff",
        "to": "contact",
    }
    assert entry.actor == contact_person


def test_the_last_ansprechperson_cannot_step_down_while_others_remain(
    client, organization, contact_person, staff_member
):
    membership = _membership(contact_person, organization)
    client.force_login(contact_person)

    response = client.post(
        f"/organisationen/{organization.slug}/personen/{membership.pk}/rolle/",
        {f"m{membership.pk}-role": Role.STAFF},
        follow=True,
    )

    assert "braucht eine Ansprechperson" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.CONTACT


def test_with_a_second_ansprechperson_stepping_down_works(organization, contact_person):
    ContactMembershipFactory(organization=organization)
    membership = _membership(contact_person, organization)

    services.membership_change_role(
        membership=membership, role=Role.STAFF, actor=Actor(user=contact_person)
    )

    membership.refresh_from_db()
    assert membership.role == Role.STAFF


def test_removing_a_colleague(client, organization, contact_person, staff_member):
    membership = _membership(staff_member, organization)
    client.force_login(contact_person)
    url = f"/organisationen/{organization.slug}/personen/{membership.pk}/entfernen/"

    assert "Till Team aus Stadt Astadt entfernen?" in client.get(url).content.decode()
    response = client.post(url)

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = AuditEntry.objects.get(action="accounts.membership.removed")
    assert entry.data["user"] == staff_member.pk


def test_the_last_ansprechperson_cannot_leave_while_others_remain(
    client, organization, contact_person, staff_member
):
    client.force_login(contact_person)

    response = client.post(f"/organisationen/{organization.slug}/austreten/", follow=True)

    assert "braucht eine Ansprechperson" in response.content.decode()
    assert Membership.objects.filter(user=contact_person).exists()


def test_a_sole_ansprechperson_may_leave(client, organization, contact_person):
    client.force_login(contact_person)

    response = client.post(f"/organisationen/{organization.slug}/austreten/")

    assert response["Location"] == "/konto/profil/"
    assert not Membership.objects.filter(organization=organization).exists()


def test_staff_leave_on_their_own(client, organization, staff_member):
    client.force_login(staff_member)

    client.post(f"/organisationen/{organization.slug}/austreten/")

    assert not Membership.objects.filter(user=staff_member).exists()


def test_staff_cannot_change_roles(organization, staff_member, contact_person):
    with pytest.raises(PermissionDenied):
        services.membership_change_role(
            membership=_membership(contact_person, organization),
            role=Role.STAFF,
            actor=Actor(user=staff_member),
        )


def test_coordinators_change_roles_in_any_organisation(
    organization, contact_person, staff_member, coordinator
):
    services.membership_change_role(
        membership=_membership(staff_member, organization),
        role=Role.CONTACT,
        actor=Actor(user=coordinator),
    )

    assert _membership(staff_member, organization).role == Role.CONTACT


def test_a_membership_of_another_organisation_is_404(
    client, organization, other_organization, contact_person, other_staff
):
    membership = _membership(other_staff, other_organization)
    client.force_login(contact_person)

    response = client.get(
        f"/organisationen/{organization.slug}/personen/{membership.pk}/entfernen/"
    )

    assert response.status_code == 404


def test_even_coordinators_keep_an_ansprechperson(
    organization, contact_person, staff_member, coordinator
):
    with pytest.raises(LastContactPersonError):
        services.membership_remove(
            membership=_membership(contact_person, organization), actor=Actor(user=coordinator)
        )
