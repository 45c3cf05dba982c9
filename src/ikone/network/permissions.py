from __future__ import annotations

from typing import Any


def can_view_network_overview(user: Any) -> bool:
    """Coordinators and administrators see the overview; nobody else."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(getattr(user, "is_coordinator", False))


def can_manage_retention(user: Any) -> bool:
    """Coordinators and administrators set the retention periods."""
    return can_view_network_overview(user)
