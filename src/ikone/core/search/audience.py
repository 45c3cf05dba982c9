"""Who is searching: what a person may find, read once per request.

The rules are the platform's visibility rules (see `qa.permissions`):
network documents for people of current network member organisations,
mentors and coordinators; mentor documents for mentors and coordinators;
an organisation's own documents for its people; everything for
coordinators and operators.
"""

from __future__ import annotations

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

    def q(self) -> Q:
        """The ORM filter for the documents this audience may find."""
        if self.sees_all:
            return Q()
        condition = Q(visibility__in=sorted(self.scopes))
        if self.organization_ids:
            condition |= Q(organization_id__in=sorted(self.organization_ids))
        if self.user_id is not None:
            condition |= Q(owner_id=self.user_id)
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


def audience_for(user: Any) -> Audience:
    """One query for a signed-in person (their organisations and whether one
    of them is a current network member); none for anonymous visitors."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    if user.is_superuser or getattr(user, "is_coordinator", False):
        return Audience(sees_all=True, user_id=user.pk, is_coordinator=True)
    # Imported here: the accounts app builds on core, not the other way round.
    from django.db.models import Exists, OuterRef

    from ikone.accounts.models import Membership, NetworkMembership

    current = NetworkMembership.objects.in_primary_network().current()
    rows = list(
        Membership.objects.filter(user_id=user.pk)
        .annotate(member=Exists(current.filter(organization_id=OuterRef("organization_id"))))
        .values_list("organization_id", "member")
    )
    scopes = {Visibility.PUBLIC.value}
    is_mentor = bool(getattr(user, "is_mentor", False))
    if is_mentor or any(member for _org, member in rows):
        scopes.add(Visibility.NETWORK.value)
    if is_mentor:
        scopes.add(Visibility.MENTORS.value)
    return Audience(
        scopes=frozenset(scopes),
        organization_ids=frozenset(org for org, _member in rows),
        user_id=user.pk,
    )
