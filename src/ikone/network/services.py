"""Writes of the network app: the retention periods and the daily run that
forgets what expired (`core.retention` rules, registered by each app)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ikone.core import audit, retention
from ikone.core.exceptions import DomainError
from ikone.core.services import Actor, require, require_user
from ikone.network.models import RetentionPeriod, RetentionRun
from ikone.network.permissions import can_manage_retention


class RetentionTooShortError(DomainError):
    """A period below the rule's minimum."""


def retention_days() -> dict[str, int]:
    """The period in days of every registered rule (stored or default)."""
    stored = dict(RetentionPeriod.objects.values_list("rule", "days"))
    return {rule.key: stored.get(rule.key, rule.default_days) for rule in retention.rules()}


@transaction.atomic
def retention_periods_set(*, actor: Actor, days: dict[str, int]) -> None:
    """Store the coordinators' periods; a period equal to the default is
    stored too, so a later change of the default does not change it.
    Raises RetentionTooShortError below a rule's minimum, LookupError for an
    unknown rule, PermissionDenied for anyone but coordinators."""
    user = require_user(actor)
    require(can_manage_retention(user))
    current = retention_days()
    for key, value in days.items():
        rule = retention.RULES.get(key)
        if rule is None:
            raise LookupError(key)
        if value < rule.minimum_days:
            raise RetentionTooShortError(key)
        if current.get(key) == value and RetentionPeriod.objects.filter(rule=key).exists():
            continue
        RetentionPeriod.objects.update_or_create(
            rule=key, defaults={"days": value, "updated_by": user}
        )
        audit.record(actor, "network.retention.changed", data={"rule": key, "days": value})


def retention_apply(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Apply every rule with its period; record each run (counts only) and
    one audit entry. Returns the count per rule. Safe to run at any time:
    a rule only touches what expired."""
    now = now or timezone.now()
    counts = {}
    for key, days in retention_days().items():
        rule = retention.RULES.get(key)
        if rule is None:
            continue
        cutoff = now - dt.timedelta(days=days)
        with transaction.atomic():
            count = rule.run(cutoff)
            RetentionRun.objects.create(
                rule=key, days=days, cutoff=cutoff, count=count, ran_at=now
            )
        counts[key] = count
    audit.record(Actor.system(), "network.retention.applied", data={"counts": counts})
    return counts
