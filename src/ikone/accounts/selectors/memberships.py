"""Reads of memberships, two-factor state and where people are reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from ikone.accounts import permissions
from ikone.accounts.models import Membership, Organization, Role, User
from ikone.accounts.selectors.organizations import network_get_primary
from ikone.core.prepared import PreparedQuery

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


# --- Memberships ---------------------------------------------------------------


def membership_list_for_user(*, user: User) -> list[Membership]:
    """The person's organisations and roles."""
    memberships: list[Membership] = _MEMBERSHIPS_OF.all(user_id=user.pk)
    for membership in memberships:
        membership.user = user
    return memberships


_MEMBERSHIPS_OF = PreparedQuery(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id)
        .select_related("organization", "organization__municipality")
        .order_by("organization__name")
    ),
    user_id=int,
)


def membership_get_for_change(*, user: AnyUser, organization: Organization, pk: int) -> Membership:
    """A membership of the organisation that the person may change or remove."""
    membership = (
        Membership.objects.select_related("user", "organization")
        .filter(organization=organization, pk=pk)
        .first()
    )
    if membership is None:
        raise Http404
    if not permissions.can_change_membership(user, membership):
        raise PermissionDenied
    return membership


def membership_get_own(*, user: AnyUser, organization: Organization) -> Membership:
    """The person's own membership in the organisation (Http404 if none)."""
    if not permissions.is_signed_in(user):
        raise Http404
    membership = (
        Membership.objects.select_related("user", "organization")
        .filter(organization=organization, user=user)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def contact_person_blockers(*, user: User, alone_too: bool = False) -> list[Organization]:
    """Organisations where the person is the only Ansprechperson while others
    remain: they must hand the role over before they leave or delete their account.
    With `alone_too` also those where they are the only person at all (an
    operator may not delete such an account: `accounts.admission`)."""
    own = Membership.objects.filter(user=user, role=Role.CONTACT).values("organization_id")
    organizations = (
        Organization.objects.filter(pk__in=own)
        .annotate(
            others=Count("memberships", filter=~Q(memberships__user=user), distinct=True),
            other_contacts=Count(
                "memberships",
                filter=~Q(memberships__user=user) & Q(memberships__role=Role.CONTACT),
                distinct=True,
            ),
        )
        .filter(other_contacts=0)
        .order_by("name")
    )
    if not alone_too:
        organizations = organizations.filter(others__gt=0)
    return list(organizations)


def organizations_only_member(*, user: User) -> list[Organization]:
    """Organisations in which the person is the only member; they stay on the
    platform without people when the person leaves."""
    own = Membership.objects.filter(user=user).values("organization_id")
    return list(
        Organization.objects.filter(pk__in=own)
        .annotate(others=Count("memberships", filter=~Q(memberships__user=user)))
        .filter(others=0)
        .order_by("name")
    )


# --- Two-factor authentication ----------------------------------------------------


def user_has_totp(*, user: User) -> bool:
    """Whether the person has set up an authenticator app (asked on every
    page a coordinator opens, so a prepared query)."""
    return _TOTP_AUTHENTICATOR.first(user_id=user.pk) is not None


_TOTP_AUTHENTICATOR = PreparedQuery(
    lambda user_id: Authenticator.objects.filter(
        user_id=user_id, type=Authenticator.Type.TOTP
    ).values_list("pk", flat=True),
    user_id=int,
)


# --- Recipients ----------------------------------------------------------------


def coordinator_emails() -> list[str]:
    """Where coordinators are reached: active coordinators, else the primary
    network's contact address."""
    emails = list(
        User.objects.filter(is_coordinator=True, is_active=True)
        .order_by("email")
        .values_list("email", flat=True)
    )
    if emails:
        return emails
    network = network_get_primary()
    return [network.email] if network is not None and network.email else []


def contact_person_emails(*, organization: Organization) -> list[str]:
    """The e-mail addresses of the organisation's active Ansprechpersonen."""
    return list(
        Membership.objects.filter(
            organization=organization, role=Role.CONTACT, user__is_active=True
        )
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def active_admin_count() -> int:
    """How many active operator accounts exist."""
    return User.objects.filter(is_superuser=True, is_active=True).count()
