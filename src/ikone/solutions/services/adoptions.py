"""Recording that an organisation adopts a solution."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from ikone.accounts.models import Organization
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require, require_user
from ikone.solutions import permissions
from ikone.solutions.exceptions import SolutionError
from ikone.solutions.models import Adoption, AdoptionStatus, AdoptionVisibility, Solution
from ikone.solutions.text import clean_rich_text


@transaction.atomic
def adoption_record(
    *,
    solution: Solution,
    organization: Organization,
    status: str,
    since: dt.date | None,
    experience: str,
    visibility: str,
    actor: Actor,
) -> Adoption:
    """Create or update the organisation's adoption of a published solution.
    One adoption per organisation and solution (the row is locked while it
    changes). An organisation does not adopt its own solution."""
    user = require_user(actor)
    require(permissions.can_record_adoption(user, solution, organization))
    if solution.organizations.filter(pk=organization.pk).exists():
        raise SolutionError(_("Die eigene Lösung kann eine Organisation nicht übernehmen."))
    if status not in AdoptionStatus.values or visibility not in AdoptionVisibility.values:
        raise SolutionError(_("Bitte wählen Sie Stand und Sichtbarkeit aus der Liste."))
    values = {
        "status": status,
        "since": since,
        "experience": clean_rich_text(experience),
        "visibility": visibility,
        "recorded_by": user,
    }
    adoption = (
        Adoption.objects.select_for_update()
        .filter(solution=solution, organization=organization)
        .first()
    )
    if adoption is None:
        adoption = Adoption.objects.create(solution=solution, organization=organization, **values)
        audit.record(actor, "solutions.adoption.created", target=adoption, data={"status": status})
        return adoption
    for name, value in values.items():
        setattr(adoption, name, value)
    adoption.save()
    audit.record(actor, "solutions.adoption.updated", target=adoption, data={"status": status})
    return adoption
