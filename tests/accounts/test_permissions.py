"""The permission predicates, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ikone.accounts import permissions
from ikone.accounts.models import Membership
from tests.accounts.factories import InvitationFactory, JoinRequestFactory, UserFactory
from tests.accounts.fixtures import ROLES

pytestmark = pytest.mark.django_db


def _user(user_for_role, role):
    return user_for_role(role) or AnonymousUser()


CONTACT_OR_COORDINATION = {"contact_a", "coordinator", "admin"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("predicate", "allowed"),
    [
        # Coordinators only while an organisation has no Ansprechperson.
        (permissions.can_invite_to_organization, {"contact_a"}),
        (permissions.can_manage_members, CONTACT_OR_COORDINATION),
        (permissions.can_edit_organization, CONTACT_OR_COORDINATION),
        (permissions.can_record_network_membership, {"coordinator", "admin"}),
        (permissions.can_apply_for_network_membership, {"contact_a"}),
        (permissions.can_request_to_join, {"staff_b", "mentor", "coordinator", "admin"}),
        (permissions.can_view_people, {"staff_a", "contact_a", "coordinator", "admin"}),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_organisation_predicates(user_for_role, organization, role, predicate, allowed):
    user = _user(user_for_role, role)
    user_for_role("staff_a"), user_for_role("contact_a"), user_for_role("staff_b")

    assert predicate(user, organization) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_global_role_predicates(user_for_role, role):
    user = _user(user_for_role, role)

    assert permissions.can_grant_mentor_role(user) is (role in {"coordinator", "admin"})
    assert permissions.can_grant_coordinator_role(user) is (role == "admin")
    assert permissions.can_create_organization(user) is (role != "anonymous")


def test_request_and_invitation_predicates_follow_the_organisation(
    organization, contact_person, other_staff
):
    join_request = JoinRequestFactory(organization=organization, user=UserFactory())
    invitation = InvitationFactory(organization=organization)

    assert permissions.can_decide_join_request(contact_person, join_request)
    assert not permissions.can_decide_join_request(other_staff, join_request)
    assert permissions.can_revoke_invitation(contact_person, invitation)
    assert not permissions.can_revoke_invitation(other_staff, invitation)


def test_everyone_may_leave_but_only_their_own_membership(
    organization, staff_member, contact_person
):
    own = Membership.objects.get(user=staff_member)
    other = Membership.objects.get(user=contact_person)

    assert permissions.can_leave_organization(staff_member, own)
    assert not permissions.can_leave_organization(staff_member, other)
    assert not permissions.can_leave_organization(AnonymousUser(), own)
    assert permissions.can_change_membership(contact_person, own)
    assert not permissions.can_change_membership(staff_member, other)


def test_inactive_people_may_do_nothing(organization, contact_person):
    contact_person.is_active = False

    assert not permissions.can_manage_members(contact_person, organization)
    assert not permissions.can_view_people(contact_person, organization)
    assert permissions.role_in(contact_person, organization) is None
