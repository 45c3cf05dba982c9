from __future__ import annotations

from typing import Any


def can_view_audit_log(user: Any) -> bool:
    """Coordinators and administrators read the audit log; nobody else."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(getattr(user, "is_coordinator", False))
