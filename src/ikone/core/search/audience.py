"""Who is searching: what a person may find, read once per request.

`Audience` is the shape of every visibility decision on the platform: a
thing with a scope (`Visibility`), an organisation and an owner is visible
to an audience that holds the scope, belongs to the organisation, or is the
owner; coordinators and operators see everything. The same rule exists
three ways, kept equal by tests: `sees()` for one object in Python, `q()`
for the ORM and `sql()` for the raw full-text queries.

Which scopes a person holds depends on memberships, which core does not
know: the accounts app computes it (`ikone.accounts.visibility`) and
registers the function with `set_audience_resolver()` when it is ready.
Until something is registered, everyone is an anonymous visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from ikone.core.search.models import Visibility


@dataclass(frozen=True)
class Audience:
    sees_all: bool = False
    scopes: frozenset[str] = frozenset({Visibility.PUBLIC.value})
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    user_id: int | None = None
    is_coordinator: bool = False

    def sees(self, scope: str, organization_id: int | None, owner_id: int | None) -> bool:
        """Whether this audience may see one object with these properties."""
        if self.sees_all:
            return True
        if scope in self.scopes:
            return True
        if organization_id is not None and organization_id in self.organization_ids:
            return True
        return owner_id is not None and owner_id == self.user_id

    def q(
        self,
        *,
        scope: str = "visibility",
        organization: str = "organization_id",
        owner: str = "owner_id",
    ) -> Q:
        """The ORM filter for what this audience may see; the field names
        default to `SearchDocument`'s and may name another model's fields
        (e.g. a question's `author_id`, or `question__visibility` through a
        relation)."""
        if self.sees_all:
            return Q()
        condition = Q(**{f"{scope}__in": sorted(self.scopes)})
        if self.organization_ids:
            condition |= Q(**{f"{organization}__in": sorted(self.organization_ids)})
        if self.user_id is not None:
            condition |= Q(**{owner: self.user_id})
        return condition

    def sql(self, alias: str = "d") -> tuple[str, list[Any]]:
        """The same filter as SQL for the raw full-text queries."""
        if self.sees_all:
            return "1=1", []
        scopes = sorted(self.scopes)
        parts = [f"{alias}.visibility IN ({', '.join(['%s'] * len(scopes))})"]
        params: list[Any] = list(scopes)
        if self.organization_ids:
            orgs = sorted(self.organization_ids)
            parts.append(f"{alias}.organization_id IN ({', '.join(['%s'] * len(orgs))})")
            params += orgs
        if self.user_id is not None:
            parts.append(f"{alias}.owner_id = %s")
            params.append(self.user_id)
        return "(" + " OR ".join(parts) + ")", params


ANONYMOUS = Audience()

AudienceResolver = Callable[[Any], Audience]
_resolver: AudienceResolver | None = None


def set_audience_resolver(resolver: AudienceResolver) -> None:
    """Register the function that computes a person's Audience (called once
    by the accounts app in its `AppConfig.ready()`)."""
    global _resolver
    _resolver = resolver


def audience_for(user: Any) -> Audience:
    """The person's Audience, as the registered resolver computes it;
    anonymous without one (nothing is shown that should not be)."""
    if _resolver is None or user is None:
        return ANONYMOUS
    return _resolver(user)
