"""Reads of networks and organisations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from ikone.accounts import permissions
from ikone.accounts.models import (
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Network,
    NetworkMembership,
    Organization,
)
from ikone.accounts.selectors.municipalities import fold_search_text
from ikone.core.prepared import PreparedQuery
from ikone.municipalities.models import Municipality

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


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
    """Adds `primary_memberships` (a list of at most one NetworkMembership,
    with the columns the list's network status shows, not its network)."""
    return queryset.prefetch_related(
        Prefetch(
            "network_memberships",
            queryset=NetworkMembership.objects.in_primary_network().only(
                "organization_id",
                "status",
                "member_since",
                "member_since_precision",
                "member_until",
            ),
            to_attr="primary_memberships",
        )
    )


def organization_list(*, query: str = "", members_only: bool = False) -> QuerySet[Organization]:
    """All organisations, optionally filtered by name and to current members of
    the primary network; each with `primary_memberships` and `people_count`
    and only the columns the list shows (accounts.organization_rows: the
    database sorts narrow rows and joins the municipality only to search).
    A constant number of queries however many there are."""
    # A correlated count per row instead of JOIN + GROUP BY over all
    # organisations: the database then counts only for the page shown.
    people = (
        Membership.objects.filter(organization_id=OuterRef("pk"))
        .order_by()
        .values("organization_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queryset = Organization.objects.only("name", "slug", "kind").annotate(
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
    """One organisation by slug (Http404 if unknown); organisations are public.
    Every page of an organisation's administration reads it: compiled once."""
    organization = _ORGANIZATION.first(slug=slug)
    if organization is None:
        raise Http404
    return organization


def organization_get_for_detail(*, slug: str, user: AnyUser | None = None) -> Organization:
    """One organisation with what its public page shows. Organisations are
    public, so only a missing one raises Http404.

    With a signed-in `user`, their role in it is read in the same query and
    remembered where `permissions.role_in` looks first (one query less on the
    page, which asks several predicates). Every organisation page runs these
    queries: built and compiled once per process (core.prepared); the
    cooperation members and the primary network membership are handed over
    as the former `prefetch_related` left them."""
    viewer_id: int | None = (
        user.pk if user is not None and permissions.is_signed_in(user) else None
    )
    if viewer_id is not None:
        organization = _ORGANIZATION_WITH_ROLE.first(slug=slug, user_id=viewer_id)
    else:
        organization = _ORGANIZATION.first(slug=slug)
    if organization is None:
        raise Http404
    if viewer_id is not None:
        permissions.remember_role(
            organization,
            viewer_id,
            organization.viewer_role,  # type: ignore[attr-defined]
        )
    members: QuerySet[Municipality] = QuerySet(model=Municipality)
    members._result_cache = [
        link.municipality for link in _COOPERATION_MEMBERS.all(pk=organization.pk)
    ]
    members._prefetch_done = True  # type: ignore[attr-defined]
    organization.__dict__.setdefault("_prefetched_objects_cache", {})["cooperation_members"] = (
        members
    )
    organization.primary_memberships = _PRIMARY_MEMBERSHIPS.all(  # type: ignore[attr-defined]
        pk=organization.pk
    )
    return organization


_ORGANIZATION: PreparedQuery[Organization] = PreparedQuery(
    lambda slug: Organization.objects.select_related("municipality").filter(slug=slug),
    slug=str,
)
_ORGANIZATION_WITH_ROLE: PreparedQuery[Organization] = PreparedQuery(
    lambda slug, user_id: (
        Organization.objects.select_related("municipality")
        .annotate(viewer_role=permissions.role_subquery(user_id))
        .filter(slug=slug)
    ),
    slug=str,
    user_id=int,
)
_COOPERATION_MEMBERS: PreparedQuery[Any] = PreparedQuery(
    lambda pk: (
        Organization.cooperation_members.through.objects.filter(organization_id=pk)
        .select_related("municipality")
        .order_by("municipality__name")
    ),
    pk=int,
)
_PRIMARY_MEMBERSHIPS: PreparedQuery[NetworkMembership] = PreparedQuery(
    lambda pk: (
        NetworkMembership.objects.in_primary_network()
        .filter(organization_id=pk)
        .select_related("network")
    ),
    pk=int,
)


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
    return _PEOPLE.all(pk=organization.pk)


_PEOPLE: PreparedQuery[Membership] = PreparedQuery(
    lambda pk: (
        Membership.objects.filter(organization_id=pk)
        .select_related("user")
        .order_by("role", "user__name", "user__email")
    ),
    pk=int,
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
