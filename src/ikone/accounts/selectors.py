"""Reads of people, organisations, invitations and join requests.

Selectors never write. The `*_get_for_*` ones fetch and check in one step:
Http404 where the person may not see the object, PermissionDenied where
they see it but may not act on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from ikone.accounts import permissions
from ikone.accounts.models import (
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Network,
    NetworkMembership,
    Organization,
    Role,
    User,
)
from ikone.core.datetimes import iso
from ikone.core.models import AuditEntry
from ikone.municipalities.models import Level, Municipality
from ikone.municipalities.search import fold

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

MUNICIPALITY_SEARCH_LIMIT = 20
KREISFREI_DISTRICT_TYPES = ("41", "42")  # kreisfreie Stadt, Stadtkreis


def fold_search_text(text: str) -> str:
    """Fold a query exactly like `Municipality.search_name` is folded."""
    return fold(text)


# --- Networks ----------------------------------------------------------------


def network_get_primary() -> Network | None:
    """The installation's primary network (IKONE DS), or None before it is set up."""
    return Network.objects.filter(is_primary=True).first()


def network_membership_get_primary(*, organization: Organization) -> NetworkMembership | None:
    """The organisation's membership record in the primary network, if any."""
    return (
        NetworkMembership.objects.in_primary_network()
        .select_related("network")
        .filter(organization=organization)
        .first()
    )


# --- Organisations -------------------------------------------------------------


def _with_primary_membership(queryset: QuerySet[Organization]) -> QuerySet[Organization]:
    """Adds `primary_memberships` (a list of at most one NetworkMembership)."""
    return queryset.prefetch_related(
        Prefetch(
            "network_memberships",
            queryset=NetworkMembership.objects.in_primary_network().select_related("network"),
            to_attr="primary_memberships",
        )
    )


def organization_list(*, query: str = "", members_only: bool = False) -> QuerySet[Organization]:
    """All organisations, optionally filtered by name and to current members of
    the primary network; each with `municipality`, `primary_memberships` and
    `people_count`. A constant number of queries however many there are."""
    # A correlated count per row instead of JOIN + GROUP BY over all
    # organisations: the database then counts only for the page shown.
    people = (
        Membership.objects.filter(organization_id=OuterRef("pk"))
        .order_by()
        .values("organization_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queryset = Organization.objects.select_related("municipality").annotate(
        people_count=Coalesce(Subquery(people), 0)
    )
    if query:
        queryset = queryset.filter(
            Q(name__icontains=query)
            | Q(municipality__search_name__contains=fold_search_text(query))
        )
    if members_only:
        current = NetworkMembership.objects.in_primary_network().current()
        queryset = queryset.filter(pk__in=current.values("organization_id"))
    return _with_primary_membership(queryset).order_by("name")


def organization_get(*, slug: str) -> Organization:
    """One organisation by slug (Http404 if unknown); organisations are public."""
    organization = Organization.objects.select_related("municipality").filter(slug=slug).first()
    if organization is None:
        raise Http404
    return organization


def organization_get_for_detail(*, slug: str) -> Organization:
    """One organisation with what its public page shows. Organisations are
    public, so only a missing one raises Http404."""
    queryset = _with_primary_membership(
        Organization.objects.select_related("municipality").prefetch_related(
            Prefetch(
                "cooperation_members",
                queryset=Municipality.objects.order_by("name"),
            )
        )
    )
    try:
        return queryset.get(slug=slug)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc


def organization_get_for_action(
    *,
    user: AnyUser,
    slug: str,
    check: Callable[[AnyUser, Organization], bool],
) -> Organization:
    """The organisation if `check(user, organization)` allows the action.

    Raises Http404 when it does not exist and PermissionDenied when the
    person may see it (everyone may) but not act."""
    organization = organization_get(slug=slug)
    if not check(user, organization):
        raise PermissionDenied
    return organization


def organization_people(*, organization: Organization) -> list[Membership]:
    """The organisation's memberships with their people, Ansprechpersonen first."""
    return list(
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("role", "user__name", "user__email")
    )


def organization_for_municipality(*, municipality: Municipality) -> Organization | None:
    """The organisation registered for a municipality, if there is one."""
    return Organization.objects.filter(municipality=municipality).first()


@dataclass(frozen=True)
class OrganizationFlags:
    """What the viewer may do on an organisation's page (precomputed for templates)."""

    view_people: bool
    manage_members: bool
    edit: bool
    record_network_membership: bool
    apply_for_network_membership: bool
    request_to_join: bool
    is_member: bool
    join_request_pending: bool


def organization_flags(*, user: AnyUser, organization: Organization) -> OrganizationFlags:
    """The viewer's permissions on one organisation, computed once per request
    from the predicates in `permissions`."""
    is_member = permissions.role_in(user, organization) is not None
    pending = (
        permissions.is_signed_in(user)
        and not is_member
        and JoinRequest.objects.filter(
            user_id=user.pk, organization=organization, status=JoinRequestStatus.PENDING
        ).exists()
    )
    return OrganizationFlags(
        view_people=permissions.can_view_people(user, organization),
        manage_members=permissions.can_manage_members(user, organization),
        edit=permissions.can_edit_organization(user, organization),
        record_network_membership=permissions.can_record_network_membership(user, organization),
        apply_for_network_membership=permissions.can_apply_for_network_membership(
            user, organization
        ),
        request_to_join=permissions.can_request_to_join(user, organization) and not pending,
        is_member=is_member,
        join_request_pending=pending,
    )


# --- Memberships ---------------------------------------------------------------


def membership_list_for_user(*, user: User) -> list[Membership]:
    """The person's organisations and roles."""
    return list(
        Membership.objects.filter(user=user)
        .select_related("organization", "organization__municipality")
        .order_by("organization__name")
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


def contact_person_blockers(*, user: User) -> list[Organization]:
    """Organisations where the person is the only Ansprechperson while others
    remain: they must hand the role over before they leave or delete their account."""
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
        .filter(others__gt=0, other_contacts=0)
        .order_by("name")
    )
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


# --- Invitations ---------------------------------------------------------------


def invitation_get_by_token(*, token: str) -> Invitation:
    """The invitation behind a link, in whatever state it is (Http404 if unknown)."""
    invitation = (
        Invitation.objects.select_related("organization", "invited_by").filter(token=token).first()
    )
    if invitation is None:
        raise Http404
    return invitation


def invitation_get_for_revoke(*, user: AnyUser, organization: Organization, pk: int) -> Invitation:
    """An invitation of the organisation that the person may withdraw."""
    invitation = (
        Invitation.objects.select_related("organization").filter(organization=organization, pk=pk)
    ).first()
    if invitation is None:
        raise Http404
    if not permissions.can_revoke_invitation(user, invitation):
        raise PermissionDenied
    return invitation


def _pending_invitations() -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def invitation_list_pending_for_organization(*, organization: Organization) -> list[Invitation]:
    """Invitations of the organisation whose links still work."""
    return list(
        _pending_invitations()
        .filter(organization=organization)
        .select_related("invited_by")
        .order_by("email")
    )


def verified_emails(*, user: User) -> list[str]:
    """The person's verified e-mail addresses (lower-case)."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return sorted({address.lower() for address in addresses})


def invitation_list_pending_for_user(*, user: User) -> list[Invitation]:
    """Working invitations sent to one of the person's verified addresses."""
    emails = verified_emails(user=user)
    if not emails:
        return []
    query = Q()
    for email in emails:
        query |= Q(email__iexact=email)
    return list(
        _pending_invitations()
        .filter(query)
        .select_related("organization", "invited_by")
        .order_by("-created_at")
    )


# --- Join requests -------------------------------------------------------------


def join_request_list_pending_for_organization(*, organization: Organization) -> list[JoinRequest]:
    """Open join requests of the organisation, oldest first."""
    return list(
        JoinRequest.objects.filter(organization=organization, status=JoinRequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def join_request_list_pending_for_user(*, user: User) -> list[JoinRequest]:
    """The person's own open join requests, newest first."""
    return list(
        JoinRequest.objects.filter(user=user, status=JoinRequestStatus.PENDING)
        .select_related("organization")
        .order_by("-created_at")
    )


def join_request_list_for_user(*, user: User) -> list[JoinRequest]:
    """The person's own join requests, newest first."""
    return list(
        JoinRequest.objects.filter(user=user)
        .select_related("organization")
        .order_by("-created_at")
    )


def join_request_get_for_decision(
    *, user: AnyUser, organization: Organization, pk: int
) -> JoinRequest:
    """A join request of the organisation that the person may decide."""
    join_request = (
        JoinRequest.objects.select_related("user", "organization")
        .filter(organization=organization, pk=pk)
        .first()
    )
    if join_request is None:
        raise Http404
    if not permissions.can_decide_join_request(user, join_request):
        raise PermissionDenied
    return join_request


# --- Two-factor authentication ----------------------------------------------------


def user_has_totp(*, user: User) -> bool:
    """Whether the person has set up an authenticator app."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# --- Municipalities without an organisation ------------------------------------


def municipality_search_without_organization(*, query: str) -> list[Municipality]:
    """Districts, associations and municipalities whose name matches and which
    have no organisation yet (at most MUNICIPALITY_SEARCH_LIMIT)."""
    folded = fold_search_text(query)
    if len(folded) < 2:
        return []
    return list(
        Municipality.objects.exclude(level=Level.STATE)
        # A kreisfreie Stadt is listed once, as the Gemeinde, not again as its Kreis.
        .exclude(level=Level.DISTRICT, type_code__in=KREISFREI_DISTRICT_TYPES)
        .filter(search_name__contains=folded, organizations__isnull=True)
        .select_related("district", "state")
        .order_by("search_name", "ags")[:MUNICIPALITY_SEARCH_LIMIT]
    )


def municipality_get_for_new_organization(*, ags: str) -> Municipality:
    """The municipality an organisation is about to be registered for (Http404 if unknown)."""
    municipality = (
        Municipality.objects.exclude(level=Level.STATE)
        .select_related("district", "state")
        .filter(ags=ags)
        .first()
    )
    if municipality is None:
        raise Http404
    return municipality


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


# --- Personal data export ------------------------------------------------------


def _iso(value: Any) -> str | None:
    return iso(value)


def _audit_entries_about(user: User) -> list[dict[str, Any]]:
    entries = AuditEntry.objects.filter(
        Q(actor=user) | Q(target_type=User._meta.label_lower, target_id=str(user.pk))
    ).order_by("created_at", "pk")
    return [
        {
            "created_at": _iso(entry.created_at),
            "action": entry.action,
            "target": entry.target_label,
            "ip_address": entry.ip_address,
            "data": entry.data,
        }
        for entry in entries
    ]


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform stores about the person, as JSON-ready data
    (Art. 15/20 DSGVO). Secrets (password hash, TOTP secret) are left out."""
    return {
        "profile": {
            "email": user.email,
            "name": user.name,
            "job_title": user.job_title,
            "phone": user.phone,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_coordinator": user.is_coordinator,
            "is_mentor": user.is_mentor,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "memberships": [
            {
                "organization": membership.organization.name,
                "role": membership.role,
                "since": _iso(membership.created_at),
            }
            for membership in membership_list_for_user(user=user)
        ],
        "invitations_sent": [
            {
                "organization": invitation.organization.name,
                "email": invitation.email,
                "role": invitation.role,
                "created_at": _iso(invitation.created_at),
                "accepted_at": _iso(invitation.accepted_at),
                "revoked_at": _iso(invitation.revoked_at),
            }
            for invitation in Invitation.objects.filter(invited_by=user)
            .select_related("organization")
            .order_by("created_at")
        ],
        "join_requests": [
            {
                "organization": join_request.organization.name,
                "message": join_request.message,
                "status": join_request.status,
                "created_at": _iso(join_request.created_at),
                "decided_at": _iso(join_request.decided_at),
            }
            for join_request in join_request_list_for_user(user=user)
        ],
        "audit_entries": _audit_entries_about(user),
    }
