"""Who may do what with people and organisations.

One predicate per action, `can_<verb>_<entity>(user, obj) -> bool`. They
never write; the ones about an organisation read the asking person's
membership (one small query) unless a global role already decides.
Views compute them once per request and hand flags to the templates;
services check them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import OuterRef, Subquery

from ikone.accounts import admission, visibility
from ikone.accounts.models import (
    Invitation,
    JoinRequest,
    Membership,
    Organization,
    Role,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from typing_extensions import TypeIs

    from ikone.accounts.models import User

    AnyUser = User | AnonymousUser


def is_signed_in(user: AnyUser | None) -> TypeIs[User]:
    """An authenticated, active person."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_admin(user: AnyUser | None) -> bool:
    """An operator (Django superuser)."""
    return is_signed_in(user) and user.is_superuser


def is_network_coordinator(user: AnyUser | None) -> bool:
    """A network coordinator or an operator; both act for the whole network."""
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    return user.is_coordinator


def role_subquery(user_id: int, organization_ref: str = "pk") -> Subquery:
    """The person's role in the organisation `organization_ref` names, as a
    subquery: a page that loads the organisation (or a draft of it) reads the
    role in the same query and hands it to `remember_role`."""
    return Subquery(
        Membership.objects.filter(organization_id=OuterRef(organization_ref), user_id=user_id)
        .order_by("pk")
        .values("role")[:1]
    )


def remember_role(organization: Organization, user_id: int, role: str | None) -> None:
    """Tell `role_in` the person's role, read with the organisation."""
    organization.__dict__.setdefault("_roles_by_user", {})[user_id] = role


def role_in(user: AnyUser | None, organization: Organization) -> str | None:
    """The person's role in the organisation, or None if they do not belong to it.

    Remembered on the organisation instance (which lives for one request), so
    that a page asking several predicates looks the role up once.
    """
    if not is_signed_in(user):
        return None
    known: dict[int, str | None] = organization.__dict__.setdefault("_roles_by_user", {})
    if user.pk not in known:
        known[user.pk] = (
            Membership.objects.filter(user_id=user.pk, organization_id=organization.pk)
            .values_list("role", flat=True)
            .first()
        )
    return known[user.pk]


def belongs_to_network_member(user: AnyUser | None) -> bool:
    """The person belongs to an organisation that is a current member of the
    primary network (the visibility rule's `network` scope)."""
    return visibility.in_network(user)


def can_view_people(user: AnyUser | None, organization: Organization) -> bool:
    """Names and roles of an organisation's people are shown to its own
    people, to coordinators and to people of network member organisations."""
    if not is_signed_in(user):
        return False
    if is_network_coordinator(user):
        return True
    if role_in(user, organization) is not None:
        return True
    return belongs_to_network_member(user)


def _is_contact_or_coordinator(user: AnyUser | None, organization: Organization) -> bool:
    if not is_signed_in(user):
        return False
    if is_network_coordinator(user):
        return True
    return role_in(user, organization) == Role.CONTACT


def can_invite_to_organization(user: AnyUser | None, organization: Organization) -> bool:
    """Ansprechpersonen of the organisation invite colleagues; coordinators
    only while it has no Ansprechperson (`admission.may_admit`)."""
    return admission.may_admit(user, organization)


def can_manage_members(user: AnyUser | None, organization: Organization) -> bool:
    """Ansprechpersonen and coordinators see the people page, change roles,
    remove people and withdraw invitations (within `admission`'s limits)."""
    return _is_contact_or_coordinator(user, organization)


def can_edit_organization(user: AnyUser | None, organization: Organization) -> bool:
    """Ansprechpersonen and coordinators edit the organisation's profile."""
    return _is_contact_or_coordinator(user, organization)


def can_record_network_membership(user: AnyUser | None, organization: Organization) -> bool:
    """Only coordinators record whether an organisation is a network member."""
    return is_network_coordinator(user)


def can_apply_for_network_membership(user: AnyUser | None, organization: Organization) -> bool:
    """An Ansprechperson may tell the coordinators that the organisation wants to join."""
    if not is_signed_in(user):
        return False
    return role_in(user, organization) == Role.CONTACT


def can_request_to_join(user: AnyUser | None, organization: Organization) -> bool:
    """A signed-in person who does not belong to the organisation yet."""
    if not is_signed_in(user):
        return False
    return role_in(user, organization) is None


def can_create_organization(user: AnyUser | None) -> bool:
    """Every signed-in person may register an organisation for a
    municipality that has none yet; coordinators are told about it."""
    return is_signed_in(user)


def can_decide_join_request(user: AnyUser | None, join_request: JoinRequest) -> bool:
    """Whoever may let people in decides, never about their own request
    (`admission.may_admit_person`)."""
    return admission.may_admit_person(user, join_request.organization, join_request.user_id)


def can_revoke_invitation(user: AnyUser | None, invitation: Invitation) -> bool:
    """Whoever manages the organisation's people may withdraw an invitation
    (that only keeps someone out)."""
    return can_manage_members(user, invitation.organization)


def can_change_membership(user: AnyUser | None, membership: Membership) -> bool:
    """Change another person's role or remove them: Ansprechpersonen and coordinators."""
    return can_manage_members(user, membership.organization)


def can_leave_organization(user: AnyUser | None, membership: Membership) -> bool:
    """Everyone may end their own membership."""
    if not is_signed_in(user):
        return False
    return membership.user_id == user.pk


def can_grant_mentor_role(user: AnyUser | None) -> bool:
    """Coordinators (and operators) appoint and dismiss mentors."""
    return is_network_coordinator(user)


def can_grant_coordinator_role(user: AnyUser | None) -> bool:
    """Only operators appoint coordinators."""
    return is_admin(user)
