"""Changes to indexed (or watched) models re-index the affected objects once
the transaction commits, in one background task per kind.

Services often change rows with `QuerySet.update()` (optimistic locking,
status flips), which sends no signal. Every such service action records an
audit entry on its target (`core.audit.record`), so a new audit entry whose
target is an indexed or watched model re-indexes it too."""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ikone.core.search import registry

_local = threading.local()


def _pending() -> defaultdict[str, set[str]]:
    if not hasattr(_local, "pending"):
        _local.pending = defaultdict(set)
    pending: defaultdict[str, set[str]] = _local.pending
    return pending


def _flush() -> None:
    from ikone.core.search.tasks import index_objects

    pending = _pending()
    batches = {kind: sorted(ids) for kind, ids in pending.items() if ids}
    pending.clear()
    for kind, ids in batches.items():
        index_objects.enqueue(kind, ids)


def mark_changed(kind: str, object_ids: list[Any]) -> None:
    """Queue these objects for re-indexing after the current transaction.
    Several changes in one transaction end up in one task per kind (later
    callbacks find nothing left to do)."""
    ids = [str(pk) for pk in object_ids if pk is not None]
    if not ids:
        return
    _pending()[kind].update(ids)
    transaction.on_commit(_flush)


def _receiver(provider: registry.Provider, affected: registry.Affected | None) -> Any:
    def receive(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if raw:
            return
        try:
            ids = [instance.pk] if affected is None else list(affected(instance))
        except Exception:  # noqa: BLE001 - a half-deleted relation must not break the save
            ids = []
        mark_changed(provider.kind, ids)

    return receive


_connected: list[Any] = []
_by_label: dict[str, list[tuple[Any, registry.Provider, registry.Affected | None]]] = {}


def _on_audit_entry(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    if kwargs.get("raw") or not created or not instance.target_id:
        return
    for model, provider, affected in _by_label.get(instance.target_type, []):
        if affected is None:
            mark_changed(provider.kind, [instance.target_id])
            continue
        target = model._default_manager.filter(pk=instance.target_id).first()
        if target is not None:
            mark_changed(provider.kind, list(affected(target)))


def connect() -> None:
    """Connect a receiver per (model, provider); called from CoreConfig.ready."""
    from ikone.core.models import AuditEntry

    for model, provider, affected in registry.by_model():
        receiver = _receiver(provider, affected)
        _connected.append(receiver)  # signals hold weak references
        post_save.connect(receiver, sender=model, weak=False)
        post_delete.connect(receiver, sender=model, weak=False)
        _by_label.setdefault(model._meta.label_lower, []).append((model, provider, affected))
    post_save.connect(_on_audit_entry, sender=AuditEntry, weak=False)
