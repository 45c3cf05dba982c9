"""What the platform forgets, and when: retention rules per data category,
registered by the app that owns the data in its `AppConfig.ready()`; core
never names an app. The network app stores the periods coordinators set
and runs every rule once a day (`ikone apply_retention`).

A rule's `apply` (a dotted path) takes the cutoff (an aware datetime:
everything whose period ended before it has expired) and returns how many
rows it deleted or anonymised. It must touch nothing newer, never fail on
an empty table, and be safe to run any number of times. `default_days`
follows data minimisation (docs/privacy.md); `minimum_days` keeps
coordinators from setting a period shorter than the platform needs
(e.g. the audit log).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string

from ikone.core.registry import Registry


@dataclass(frozen=True)
class RetentionRule:
    key: str  # "<app>.<category>"
    label: str | Promise
    description: str | Promise  # what expires after which event, and what happens
    apply: str
    default_days: int
    minimum_days: int = 1
    position: int = 50

    def run(self, cutoff: dt.datetime) -> int:
        return int(import_string(self.apply)(cutoff))


RULES: Registry[RetentionRule] = Registry(
    "Retention rules",
    key=lambda rule: rule.key,
    describe=lambda rule: f"{rule.key}: {rule.default_days} days ({rule.label})",
    order=lambda rule: (rule.position, rule.key),
)


def register(*rules: RetentionRule) -> None:
    for rule in rules:
        RULES.register(rule)


def rules() -> list[RetentionRule]:
    return sorted(RULES, key=lambda rule: (rule.position, rule.key))
