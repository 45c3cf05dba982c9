"""The network app's part of the personal data export
(ikone.core.personal_data): the retention periods the person last set."""

from __future__ import annotations

from typing import Any

from ikone.core.personal_data import ExportPart, register, when
from ikone.network.models import RetentionPeriod


def _retention_periods(user: Any) -> list[dict[str, Any]]:
    return [
        {"rule": row.rule, "days": row.days, "updated_at": when(row.updated_at)}
        for row in RetentionPeriod.objects.filter(updated_by=user).order_by("rule")
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "retention_periods_set",
            _retention_periods,
            covers=("network.RetentionPeriod.updated_by",),
        )
    )
