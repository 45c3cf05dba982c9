"""Everything the platform stores about a person (Art. 15/20 DSGVO)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q

from ikone.accounts.models import Invitation, User
from ikone.accounts.selectors.invitations import join_request_list_for_user
from ikone.accounts.selectors.memberships import membership_list_for_user
from ikone.core.datetimes import iso
from ikone.core.models import AuditEntry

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
            "language": user.language,
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
