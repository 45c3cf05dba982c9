"""Reads of invitations and join requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ikone.accounts import permissions
from ikone.accounts.models import Invitation, JoinRequest, JoinRequestStatus, Organization, User
from ikone.core.prepared import PreparedQuery

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


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
    addresses = _VERIFIED_EMAILS.all(user_id=user.pk)
    return sorted({address.lower() for address in addresses})


# Both read on every visit of the account page.
_VERIFIED_EMAILS = PreparedQuery(
    lambda user_id: EmailAddress.objects.filter(user_id=user_id, verified=True).values_list(
        "email", flat=True
    ),
    user_id=int,
)


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
    return _PENDING_JOIN_REQUESTS_FOR.all(pk=organization.pk)


# Read on every visit of an organisation's people page.
_PENDING_JOIN_REQUESTS_FOR: PreparedQuery[JoinRequest] = PreparedQuery(
    lambda pk: (
        JoinRequest.objects.filter(organization_id=pk, status=JoinRequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    ),
    pk=int,
)


def join_request_list_pending_for_user(*, user: User) -> list[JoinRequest]:
    """The person's own open join requests, newest first."""
    join_requests: list[JoinRequest] = _PENDING_JOIN_REQUESTS_OF.all(user_id=user.pk)
    for join_request in join_requests:
        join_request.user = user
    return join_requests


_PENDING_JOIN_REQUESTS_OF = PreparedQuery(
    lambda user_id: (
        JoinRequest.objects.filter(user_id=user_id, status=JoinRequestStatus.PENDING)
        .select_related("organization")
        .order_by("-created_at")
    ),
    user_id=int,
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
