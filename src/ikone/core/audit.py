"""The audit log of sensitive actions (role and membership changes,
invitations, data exports, deletions).

An entry records who did what to which object: ids, kinds and changed field
names, never what someone wrote. A model whose rows are private to an
organisation sets `audit_private = True`; its entries keep the object's type
and id but not its title, so coordinators reading the log learn nothing of
the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.functional import Promise

from ikone.core.clientip import client_ip
from ikone.core.registry import Registry

if TYPE_CHECKING:
    from django.http import HttpRequest

# An instance of settings.AUTH_USER_MODEL. Core sits below the accounts app
# and may not import its User (docs/adr/0004-app-layers.md), so the type
# stays open here; services that need the attributes annotate their own.
AuthUser = Any


@dataclass(frozen=True)
class Actor:
    """The acting person plus where the action came from. Services take an
    Actor instead of a request, so they can be called from commands too."""

    user: AuthUser | None
    ip_address: str | None = None
    user_agent: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_request(cls, request: HttpRequest) -> Actor:
        user = request.user if request.user.is_authenticated else None
        return cls(
            user=user,  # type: ignore[arg-type]
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )

    @classmethod
    def system(cls) -> Actor:
        """For management commands and background tasks."""
        return cls(user=None, user_agent="system")


def record(
    actor: Actor,
    action: str,
    *,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
):
    """Write one audit entry and return it."""
    from ikone.core.models import AuditEntry

    return AuditEntry.objects.create(
        actor=actor.user,
        actor_label=(actor.user.email if actor.user else actor.user_agent or "system")[:254],
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=_label(target),
        ip_address=actor.ip_address,
        user_agent=actor.user_agent,
        data=data or {},
    )


def _label(target: models.Model | None) -> str:
    if target is None or getattr(target, "audit_private", False):
        return ""
    return str(target)[:300]


@dataclass(frozen=True)
class AuditTarget:
    """A model whose objects audit entries point at, registered by its app
    in `AppConfig.ready()`. The log names the object's type by `label`, or
    by the model's verbose name."""

    model: str  # the model's label_lower, as stored in `AuditEntry.target_type`
    label: str | Promise | None = None

    def type_label(self) -> str | Promise:
        if self.label is not None:
            return self.label
        from django.apps import apps

        app_label, _, name = self.model.partition(".")
        try:
            return apps.get_model(app_label, name)._meta.verbose_name
        except LookupError:
            return self.model


TARGETS: Registry[AuditTarget] = Registry(
    "Audit targets",
    key=lambda target: target.model,
    describe=lambda target: f"{target.model}: {target.type_label()}",
)


def register_targets(*models: str) -> None:
    """Register models (by label_lower) whose objects the app audits."""
    for model in models:
        TARGETS.register(AuditTarget(model))


def target_type_label(target_type: str) -> str | Promise:
    """What the audit log calls a target type: the registered label, or the
    stored type itself for a model no app registered (or removed since)."""
    target = TARGETS.get(target_type)
    return target.type_label() if target is not None else target_type
