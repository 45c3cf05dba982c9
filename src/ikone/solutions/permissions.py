"""Who may do what with solution profiles and adoptions.

One predicate per action. A profile is public once published; before that
only its organisations' people, the person who proposed it and the
coordinators see it. Coordinators review (publish or return); the
proposing side edits and submits while the profile is a draft or returned.
`member_of` reads the person's organisation ids once per request (cached on
the user object for the request's lifetime).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ikone.accounts.models import Membership
from ikone.accounts.permissions import is_network_coordinator, is_signed_in
from ikone.solutions.models import Adoption, AdoptionVisibility, ReviewState, Solution

if TYPE_CHECKING:
    from ikone.accounts.models import Organization

EDITABLE_STATES = frozenset({ReviewState.DRAFT, ReviewState.RETURNED})


def organization_ids_of(user: Any) -> frozenset[int]:
    """The ids of the organisations the person belongs to (one query per request)."""
    if not is_signed_in(user):
        return frozenset()
    cached: frozenset[int] | None = user.__dict__.get("_solution_org_ids")
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(user_id=user.pk).values_list("organization_id", flat=True)
        )
        user.__dict__["_solution_org_ids"] = cached
    return cached


def _owner_ids(solution: Solution) -> set[int]:
    return {organization.pk for organization in solution.organizations.all()}


def is_on_proposing_side(user: Any, solution: Solution) -> bool:
    """The person proposed the profile or belongs to one of its organisations."""
    if not is_signed_in(user):
        return False
    if solution.proposed_by_id == user.pk:
        return True
    return bool(_owner_ids(solution) & organization_ids_of(user))


def can_view_solution(user: Any, solution: Solution) -> bool:
    if solution.review_state == ReviewState.PUBLISHED:
        return True
    if is_network_coordinator(user):
        return True
    return is_on_proposing_side(user, solution)


def can_propose_solution(user: Any) -> bool:
    """Municipal staff propose solutions for one of their organisations."""
    return bool(organization_ids_of(user))


def can_edit_solution(user: Any, solution: Solution) -> bool:
    if is_network_coordinator(user):
        return True
    if solution.review_state not in EDITABLE_STATES:
        return False
    return is_on_proposing_side(user, solution)


def can_submit_solution(user: Any, solution: Solution) -> bool:
    if solution.review_state not in EDITABLE_STATES:
        return False
    return is_on_proposing_side(user, solution) or is_network_coordinator(user)


def can_review_solution(user: Any, solution: Solution) -> bool:
    """Publish or return a submitted profile; also withdraw a published one."""
    return is_network_coordinator(user)


def can_comment_solution(user: Any, solution: Solution) -> bool:
    """The review conversation: the proposing side and the coordinators."""
    return is_network_coordinator(user) or is_on_proposing_side(user, solution)


def can_record_adoption(user: Any, solution: Solution, organization: Organization) -> bool:
    """An organisation's people record its adoption of a published solution."""
    if solution.review_state != ReviewState.PUBLISHED:
        return False
    return organization.pk in organization_ids_of(user) or is_network_coordinator(user)


def can_view_adoption(user: Any, adoption: Adoption) -> bool:
    if adoption.visibility == AdoptionVisibility.PUBLIC:
        return True
    if adoption.visibility == AdoptionVisibility.SIGNED_IN:
        return is_signed_in(user)
    return is_network_coordinator(user) or adoption.organization_id in organization_ids_of(user)


def can_edit_interests(user: Any, organization: Organization) -> bool:
    """An organisation's people say what they are looking for."""
    return organization.pk in organization_ids_of(user) or is_network_coordinator(user)
