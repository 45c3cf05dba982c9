"""The catalogue's section of an organisation's page
(accounts.signals.organization_sections): the model project it carries,
its own published solutions, what it adopted (as visible to the viewer)
and five similar municipalities to learn from, with reasons; and the
similar municipalities on a Gemeinde's page in the directory
(municipalities.signals.municipality_sections)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.municipalities.models import Level
from ikone.municipalities.signals import MunicipalitySection, municipality_sections
from ikone.solutions import selectors
from ikone.solutions.models import ReviewState


@receiver(organization_sections, dispatch_uid="solutions.organization")
def solutions_section(
    sender: Any, *, organization: Any, user: Any, **kwargs: Any
) -> OrganizationSection | None:
    """Four queries; None when there is nothing to show."""
    model_project = selectors.model_project_for_organization(organization=organization)
    solutions = list(organization.solutions.filter(review_state=ReviewState.PUBLISHED))
    adoptions = selectors.adoption_list_for_organization(organization=organization, user=user)
    peers = selectors.peers_of(municipality_id=organization.municipality_id)
    if model_project is None and not solutions and not adoptions and not peers:
        return None
    return OrganizationSection(
        title=_("Smart-City-Projekte und Lösungen"),
        template_name="solutions/includes/organization_solutions.html",
        context={
            "model_project": model_project,
            "solutions": solutions,
            "adoptions": adoptions,
            "peers": peers,
        },
        order=40,
    )


@receiver(municipality_sections, dispatch_uid="solutions.municipality_peers")
def municipality_peers_section(
    sender: Any, *, municipality: Any, user: Any, **kwargs: Any
) -> MunicipalitySection | None:
    """Five similar Gemeinden with reasons on a Gemeinde's page (one query;
    none for the other levels, which have no peers)."""
    if municipality.level != Level.MUNICIPALITY:
        return None
    peers = selectors.peers_of(municipality_id=municipality.pk)
    if not peers:
        return None
    return MunicipalitySection(
        title=_("Ähnliche Kommunen, von denen Sie lernen können"),
        template_name="solutions/includes/municipality_peers.html",
        context={"peers": peers},
        order=40,
    )
