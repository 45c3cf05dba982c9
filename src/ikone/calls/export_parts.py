"""Calls' part of the personal data export (ikone.core.personal_data)."""

from __future__ import annotations

from typing import Any

from ikone.calls.models import CallVersion
from ikone.core.personal_data import ExportPart, register, when


def _versions(user: Any) -> list[dict[str, Any]]:
    rows = CallVersion.objects.filter(published_by=user).select_related("call").order_by("pk")
    return [
        {"call": row.call.title, "version": row.number, "published_at": when(row.published_at)}
        for row in rows
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "call_versions_published", _versions, covers=("calls.CallVersion.published_by",)
        )
    )
