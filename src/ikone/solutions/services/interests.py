"""An organisation's interests, for its recommendations."""

from __future__ import annotations

from django.db import transaction

from ikone.accounts.models import Organization
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.core.services import require
from ikone.solutions import permissions
from ikone.solutions.models import InterestProfile


@transaction.atomic
def interest_profile_save(
    *,
    organization: Organization,
    fields_of_action: list[FieldOfAction],
    needs: str,
    actor: Actor,
) -> InterestProfile:
    """Create or replace the organisation's fields of action and needs (its
    people or coordinators only)."""
    require(permissions.can_edit_interests(actor.user, organization))
    profile, _created = InterestProfile.objects.select_for_update().get_or_create(
        organization=organization
    )
    profile.needs = needs.strip()
    profile.save(update_fields=["needs", "updated_at"])
    profile.fields_of_action.set(fields_of_action)
    audit.record(actor, "solutions.interestprofile.saved", target=organization)
    return profile
