"""Writes to a draft's financing plan: cost items and the plan's settings.

Every change names the version it was based on (optimistic locking): when a
colleague changed the same item in between, `StaleEditError` is raised and
nothing is overwritten. Permission: whoever may edit the draft.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Field, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.applications import permissions
from ikone.applications.models import CostItem, Draft, FinancingPlan
from ikone.core import audit
from ikone.core.exceptions import DomainError

if TYPE_CHECKING:
    from ikone.calls.models import CallPhase
    from ikone.core.audit import Actor


class StaleEditError(DomainError):
    """A colleague changed (or deleted) the object since the form was opened."""


def stale_edit() -> StaleEditError:
    return StaleEditError(
        _(
            "Jemand hat diesen Eintrag inzwischen geändert oder gelöscht. "
            "Bitte prüfen Sie den aktuellen Stand und ändern Sie ihn erneut."
        )
    )


def _check_edit(actor: Actor, draft: Draft) -> None:
    if not permissions.can_edit_draft(actor.user, draft):
        raise PermissionDenied


def _check_phase(draft: Draft, phase: CallPhase | None) -> None:
    if phase is not None and phase.call_id != draft.call_id:
        raise ValidationError({"phase": _("Diese Phase gehört nicht zum Förderaufruf.")})


@transaction.atomic
def cost_item_create(
    *,
    draft: Draft,
    actor: Actor,
    category: str,
    measure: str,
    phase: CallPhase | None,
    year: int,
    amount: Decimal,
    note: str = "",
) -> CostItem:
    """Add a cost item. Raises PermissionDenied, ValidationError."""
    _check_edit(actor, draft)
    _check_phase(draft, phase)
    item = CostItem(
        draft=draft,
        category=category,
        measure=measure,
        phase=phase,
        year=year,
        amount=amount,
        note=note,
        updated_by=actor.user,
    )
    item.full_clean()
    item.save()
    audit.record(actor, "applications.cost_item.created", target=draft, data=_data(item))
    return item


@transaction.atomic
def cost_item_update(
    *,
    item: CostItem,
    based_on: int,
    actor: Actor,
    category: str,
    measure: str,
    phase: CallPhase | None,
    year: int,
    amount: Decimal,
    note: str = "",
) -> CostItem:
    """Change a cost item unless a colleague changed it since `based_on`.

    Raises StaleEditError (nothing written), PermissionDenied, ValidationError.
    """
    _check_edit(actor, item.draft)
    _check_phase(item.draft, phase)
    candidate = CostItem(
        pk=item.pk,
        draft=item.draft,
        category=category,
        measure=measure,
        phase=phase,
        year=year,
        amount=amount,
        note=note,
    )
    candidate.full_clean(exclude=["version"], validate_unique=False)
    fields = changed_fields(item, candidate, EDITABLE_COST_FIELDS)
    changed = CostItem.objects.filter(pk=item.pk, version=based_on).update(
        category=category,
        measure=measure,
        phase=phase,
        year=year,
        amount=amount,
        note=note,
        version=F("version") + 1,
        updated_by=actor.user,
        updated_at=timezone.now(),
    )
    if not changed:
        raise stale_edit()
    item.refresh_from_db()
    audit.record(
        actor,
        "applications.cost_item.updated",
        target=item.draft,
        data=_data(item, fields),
    )
    return item


@transaction.atomic
def cost_item_delete(*, item: CostItem, based_on: int, actor: Actor) -> None:
    """Delete a cost item unless it changed since `based_on` (StaleEditError)."""
    _check_edit(actor, item.draft)
    deleted, _rows = CostItem.objects.filter(pk=item.pk, version=based_on).delete()
    if not deleted:
        raise stale_edit()
    audit.record(actor, "applications.cost_item.deleted", target=item.draft, data=_data(item))


@transaction.atomic
def financing_plan_update(
    *,
    draft: Draft,
    based_on: int,
    actor: Actor,
    budget_emergency: bool,
    budget_emergency_note: str = "",
) -> FinancingPlan:
    """Set whether the organisation is in a budget emergency (the call's
    higher rate applies). `based_on` is the plan's version as shown (1 for a
    plan not saved yet). Locks the plan row; raises StaleEditError."""
    _check_edit(actor, draft)
    plan, _created = FinancingPlan.objects.select_for_update().get_or_create(draft=draft)
    if plan.version != based_on:
        raise stale_edit()
    plan.budget_emergency = budget_emergency
    plan.budget_emergency_note = budget_emergency_note
    plan.version += 1
    plan.updated_by = actor.user
    plan.full_clean()
    plan.save()
    audit.record(
        actor,
        "applications.financing_plan.updated",
        target=draft,
        data={"budget_emergency": budget_emergency},
    )
    return plan


EDITABLE_COST_FIELDS = ("category", "measure", "phase", "year", "amount", "note")


def changed_fields(old: Model, new: Model, names: tuple[str, ...]) -> list[str]:
    """The names of the fields whose values differ (foreign keys by id)."""
    attnames = {name: _concrete_field(old, name).attname for name in names}
    return [name for name in names if getattr(old, attnames[name]) != getattr(new, attnames[name])]


def _concrete_field(obj: Model, name: str) -> Field:
    field = obj._meta.get_field(name)
    if not isinstance(field, Field):  # a reverse relation has no column to compare
        raise TypeError(f"{name} is not a concrete field")
    return field


def _data(item: CostItem, fields: list[str] | None = None) -> dict[str, object]:
    # Ids and field names only: what the organisation wrote stays out of the log.
    data: dict[str, object] = {"item": item.pk}
    if fields is not None:
        data["fields"] = fields
    return data
