"""Everything the platform stores about a person (Art. 15/20 DSGVO).

The export is assembled from the parts the apps register in
`ikone.core.personal_data`; this module holds accounts' own parts (profile,
e-mail addresses, two-factor methods, memberships, invitations, join
requests, the API token's metadata)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from rest_framework.authtoken.models import Token

from ikone.accounts.models import Invitation, JoinRequest, User
from ikone.accounts.selectors.invitations import join_request_list_for_user
from ikone.accounts.selectors.memberships import membership_list_for_user
from ikone.core import personal_data
from ikone.core.personal_data import ExportPart, when


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform stores about the person, as JSON-ready data.
    Secrets (password hash, TOTP secret, the API token's key) are left out."""
    return personal_data.export_for(user)


def _profile(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "name": user.name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "is_active": user.is_active,
        "is_coordinator": user.is_coordinator,
        "is_mentor": user.is_mentor,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


def _invitations(user: User) -> list[dict[str, Any]]:
    rows = (
        Invitation.objects.filter(Q(invited_by=user) | Q(accepted_by=user) | Q(email=user.email))
        .select_related("organization")
        .order_by("created_at", "pk")
    )
    return [
        {
            "organization": invitation.organization.name,
            "email": invitation.email,
            "role": invitation.role,
            "sent_by_you": invitation.invited_by_id == user.pk,
            "accepted_by_you": invitation.accepted_by_id == user.pk,
            "created_at": when(invitation.created_at),
            "expires_at": when(invitation.expires_at),
            "accepted_at": when(invitation.accepted_at),
            "revoked_at": when(invitation.revoked_at),
        }
        for invitation in rows
    ]


def _join_requests_decided(user: User) -> list[dict[str, Any]]:
    rows = (
        JoinRequest.objects.filter(decided_by=user)
        .select_related("organization")
        .order_by("decided_at", "pk")
    )
    return [
        {
            "organization": row.organization.name,
            "status": row.status,
            "decided_at": when(row.decided_at),
        }
        for row in rows
    ]


def _api_token(user: User) -> dict[str, Any] | None:
    token = Token.objects.filter(user_id=user.pk).first()
    return {"created": when(token.created)} if token else None


PARTS = (
    ExportPart(
        "profile",
        _profile,
        covers=tuple(
            f"accounts.User.{name}"
            for name in (
                "email",
                "name",
                "job_title",
                "phone",
                "language",
                "date_joined",
                "last_login",
                "is_active",
                "is_coordinator",
                "is_mentor",
                "is_staff",
                "is_superuser",
            )
        ),
        note="the account's own fields (no password hash)",
    ),
    ExportPart(
        "email_addresses",
        lambda user: [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        covers=("account.EmailAddress.user", "account.EmailAddress.email"),
    ),
    ExportPart(
        "two_factor_methods",
        lambda user: [
            {"type": kind, "created_at": when(created), "last_used_at": when(used)}
            for kind, created, used in Authenticator.objects.filter(user=user)
            .order_by("type")
            .values_list("type", "created_at", "last_used_at")
        ],
        covers=("mfa.Authenticator.user",),
        note="types and dates, never the secrets",
    ),
    ExportPart(
        "memberships",
        lambda user: [
            {
                "organization": membership.organization.name,
                "role": membership.role,
                "since": when(membership.created_at),
            }
            for membership in membership_list_for_user(user=user)
        ],
        covers=("accounts.Membership.user",),
    ),
    ExportPart(
        "invitations",
        _invitations,
        covers=(
            "accounts.Invitation.invited_by",
            "accounts.Invitation.accepted_by",
            "accounts.Invitation.email",
        ),
        note="sent by, accepted by or addressed to the person",
    ),
    ExportPart(
        "join_requests",
        lambda user: [
            {
                "organization": join_request.organization.name,
                "message": join_request.message,
                "status": join_request.status,
                "created_at": when(join_request.created_at),
                "decided_at": when(join_request.decided_at),
            }
            for join_request in join_request_list_for_user(user=user)
        ],
        covers=("accounts.JoinRequest.user",),
    ),
    ExportPart(
        "join_requests_decided",
        _join_requests_decided,
        covers=("accounts.JoinRequest.decided_by",),
    ),
    ExportPart(
        "api_token",
        _api_token,
        covers=("authtoken.Token.user",),
        note="when the token was created, never the key",
    ),
)
