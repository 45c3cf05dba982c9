"""Who may let a person into an organisation: the platform's one admission rule.

A membership opens everything the organisation has not shared (drafts,
their documents, comments and financing plans). So a person only enters
with the organisation's own consent:

- Its **Ansprechpersonen** admit people: they invite, and they decide join
  requests. Nobody else does while the organisation has an Ansprechperson,
  not coordinators, not operators. A coordinator or operator who wants in
  asks to join like everybody else; an Ansprechperson decides.
- An organisation **without Ansprechperson** cannot consent, so the network
  coordination (coordinators and operators) may appoint one: invite
  someone, decide a join request, or promote a person already in it —
  never themself.
- **Nobody decides about themself**: nobody accepts an invitation they sent,
  decides their own join request or raises their own role.
- Someone outside the organisation (a coordinator, an operator) may remove
  people or change roles, but never the organisation's last Ansprechperson:
  otherwise they could empty it of Ansprechpersonen and then appoint
  whomever they like.

`permissions` asks these functions for the page flags; the services in
`services.memberships` and `services.joining` ask them again on the object
they change (an invitation is checked again when it is accepted), and every
change made by someone outside the organisation is audited and mailed to
its Ansprechpersonen (`services.memberships.membership_change_recorded`).
The Django admin shows memberships read-only, so there is no other way in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts.models import Membership, Organization, Role, User

if TYPE_CHECKING:
    from typing_extensions import TypeIs

    from ikone.accounts.permissions import AnyUser


def _signed_in(user: AnyUser | None) -> TypeIs[User]:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _coordination(user: AnyUser | None) -> bool:
    if not _signed_in(user):
        return False
    return user.is_superuser or user.is_coordinator


def role_of(user: AnyUser | None, organization: Organization) -> str | None:
    """The person's role in the organisation (None: outside it), read fresh."""
    if not _signed_in(user):
        return None
    return (
        Membership.objects.filter(user_id=user.pk, organization_id=organization.pk)
        .values_list("role", flat=True)
        .first()
    )


def has_contact_person(organization: Organization) -> bool:
    """Whether anyone is Ansprechperson of the organisation."""
    return Membership.objects.filter(organization=organization, role=Role.CONTACT).exists()


def is_outsider(user: AnyUser | None, organization: Organization) -> bool:
    """The person does not belong to the organisation."""
    return role_of(user, organization) is None


def may_admit(user: AnyUser | None, organization: Organization) -> bool:
    """Whether the person may let people in (invite, decide join requests):
    the organisation's Ansprechpersonen; while it has none, the coordination."""
    if role_of(user, organization) == Role.CONTACT:
        return True
    return _coordination(user) and not has_contact_person(organization)


def may_admit_person(
    user: AnyUser | None, organization: Organization, person_id: int | None
) -> bool:
    """`may_admit`, and the person let in is not the admitting person."""
    if not _signed_in(user) or person_id is None or person_id == user.pk:
        return False
    return may_admit(user, organization)


def may_give_role(user: AnyUser | None, membership: Membership, role: str) -> bool:
    """Nobody raises their own role to Ansprechperson; someone outside the
    organisation never demotes its last Ansprechperson (members are kept
    from that by the services' invariant, with a message)."""
    if not _signed_in(user):
        return False
    promotes = role == Role.CONTACT and membership.role != Role.CONTACT
    if promotes and membership.user_id == user.pk:
        return False
    demotes = membership.role == Role.CONTACT and role != Role.CONTACT
    return not (demotes and _removes_last_contact(user, membership))


def may_remove(user: AnyUser | None, membership: Membership) -> bool:
    """Someone outside the organisation never removes its last Ansprechperson,
    not even when nobody else is left (the person may leave themself)."""
    if membership.role != Role.CONTACT:
        return True
    return not _removes_last_contact(user, membership)


def _removes_last_contact(user: AnyUser | None, membership: Membership) -> bool:
    if membership.user_id == getattr(user, "pk", None):
        return False
    if not is_outsider(user, membership.organization):
        return False
    others = Membership.objects.filter(
        organization_id=membership.organization_id, role=Role.CONTACT
    ).exclude(pk=membership.pk)
    return not others.exists()
