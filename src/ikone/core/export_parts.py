"""Core's parts of the personal data export (ikone.core.personal_data):
the audit entries by or about the person and the suggestions they found
helpful."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Q

from ikone.core.models import AuditEntry
from ikone.core.personal_data import ExportPart, register, when
from ikone.core.search.models import SuggestionOutcome


def _audit_entries(user: Any) -> list[dict[str, Any]]:
    user_label = settings.AUTH_USER_MODEL.lower()
    entries = AuditEntry.objects.filter(
        Q(actor=user) | Q(target_type=user_label, target_id=str(user.pk))
    ).order_by("created_at", "pk")
    return [
        {
            "created_at": when(entry.created_at),
            "by_you": entry.actor_id == user.pk,
            "actor": entry.actor_label,
            "action": entry.action,
            "target": entry.target_label,
            "ip_address": entry.ip_address,
            "user_agent": entry.user_agent,
            "data": entry.data,
        }
        for entry in entries
    ]


def _helpful_suggestions(user: Any) -> list[dict[str, Any]]:
    rows = (
        SuggestionOutcome.objects.filter(user=user)
        .select_related("document")
        .order_by("created_at", "pk")
    )
    return [
        {
            "created_at": when(row.created_at),
            "suggestion": row.document.title if row.document else None,
        }
        for row in rows
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "audit_entries",
            _audit_entries,
            covers=(
                "core.AuditEntry.actor",
                "core.AuditEntry.ip_address",
                "core.AuditEntry.user_agent",
                "core.AuditEntry.actor_label",
            ),
            note="entries by the person and about their account",
        ),
        ExportPart(
            "helpful_suggestions",
            _helpful_suggestions,
            covers=("core.SuggestionOutcome.user",),
        ),
    )
