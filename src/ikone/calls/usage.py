"""How many drafts use a call's documents or criteria, without the calls
app knowing the apps that hold drafts (they sit in higher layers).

An app whose rows point at `RequiredDocument` or `EvaluationCriterion`
registers an `ItemUsage` in its `AppConfig.ready()`; its function takes the
model and the item ids and returns the ids of the drafts (or other pieces
of work) that point at them. The admin uses the total to ask before
retiring items in use.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.db import models
from django.utils.module_loading import import_string

from ikone.core.registry import Registry


@dataclass(frozen=True)
class ItemUsage:
    """`users`: dotted path of `(model, ids) -> set[int]` (ids of drafts)."""

    name: str
    users: str


ITEM_USAGE: Registry[ItemUsage] = Registry(
    "Call item usage",
    key=lambda entry: entry.name,
    describe=lambda entry: f"{entry.name}: {entry.users}",
)


def drafts_using(model: type[models.Model], ids: Collection[int]) -> int:
    """The number of distinct drafts whose data points at these items."""
    if not ids:
        return 0
    found: set[int] = set()
    for entry in ITEM_USAGE:
        found |= import_string(entry.users)(model, ids)
    return len(found)
