"""Which units of the directory are network members, and their organisation.

Networks and organisations belong to the accounts app, which sits above the
directory (docs/adr/0004-app-layers.md). So the directory's selectors ask
through this extension point, and accounts fills it in its
`AppConfig.ready()`. Every callable returns a queryset used as a subquery,
correlated to the outer unit by `OuterRef("pk")`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from ikone.core.registry import Registry

Subquery = Callable[[], QuerySet[Any]]


@dataclass(frozen=True)
class MembershipSource:
    # Current memberships of the unit's organisation in the primary network,
    # with `member_since` and `member_since_precision`.
    memberships: Subquery
    # The unit's organisations, with `slug` and `name`.
    organizations: Subquery
    # The primary network (not correlated), with `name`.
    primary_network: Subquery
    key: str = "membership"


SOURCES: Registry[MembershipSource] = Registry(
    "Directory membership source",
    key=lambda source: source.key,
    describe=lambda source: f"{source.key}: {source.memberships.__module__}",
)


def register(source: MembershipSource) -> MembershipSource:
    return SOURCES.register(source)


def source() -> MembershipSource:
    found = SOURCES.get("membership")
    if found is None:
        raise ImproperlyConfigured("No app registered the directory's membership source.")
    return found
