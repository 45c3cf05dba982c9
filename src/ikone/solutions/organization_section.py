"""The catalogue's section of an organisation's page
(accounts.signals.organization_sections): the model project it carries,
its own published solutions, what it adopted (as visible to the viewer)
and five similar municipalities to learn from, with reasons; and the
similar municipalities on a Gemeinde's page in the directory
(municipalities.signals.municipality_sections)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.core.pagecache import memo
from ikone.municipalities.models import Level
from ikone.municipalities.signals import MunicipalitySection, municipality_sections
from ikone.solutions import selectors
from ikone.solutions.models import ReviewState


@receiver(organization_sections, dispatch_uid="solutions.organization")
def solutions_section(
    sender: Any, *, organization: Any, user: Any, **kwargs: Any
) -> OrganizationSection | None:
    """None when there is nothing to show. The section is the same for
    everyone in one audience of the organisation's adoptions: rendered once
    per organisation, audience and language and reused while the tables it
    was read from are unchanged (a memo, ADR 0006; four queries and most of
    the page's rendering otherwise)."""
    audience = selectors.adoption_audience(organization=organization, user=user)
    key = memo.key("solutions:organization-section", organization.pk, audience)
    html = memo.get_or_compute(key, lambda: _solutions_section_html(organization, audience))
    if html is None:
        return None
    return OrganizationSection(
        title=_("Smart-City-Projekte und Lösungen"),
        html=mark_safe(html),  # noqa: S308 - rendered by our template
        order=40,
    )


def _solutions_section_html(organization: Any, audience: str) -> str | None:
    model_project = selectors.model_project_for_organization(organization=organization)
    solutions = list(organization.solutions.filter(review_state=ReviewState.PUBLISHED))
    adoptions = selectors.adoption_list_for_audience(organization=organization, audience=audience)
    peers = selectors.peers_of(municipality_id=organization.municipality_id)
    if model_project is None and not solutions and not adoptions and not peers:
        return None
    context = {
        "model_project": model_project,
        "solutions": solutions,
        "adoptions": adoptions,
        "peers": peers,
    }
    section = OrganizationSection(title="", template_name=SECTION_TEMPLATE, context=context)
    return str(render_to_string(SECTION_TEMPLATE, {"section": section}))


SECTION_TEMPLATE = "solutions/includes/organization_solutions.html"


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
