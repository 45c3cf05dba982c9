"""Background work of the network app (Django Tasks API)."""

from __future__ import annotations

from django_tasks import task

from ikone.network.services import retention_apply


@task()
def apply_retention() -> dict[str, int]:
    """Forget what expired (see `services.retention_apply`); run daily."""
    return retention_apply()
