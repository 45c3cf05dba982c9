"""The catalogue inside the application workshop (issue 12, point 8).

In a draft's "Übertragbarkeit" and "Handlungsfelder und Maßnahmen"
sections the panel lists the solutions the section cites (with a form to
cite more, for those who may edit the draft) and the solutions recommended
for the draft's organisation (its municipality and declared fields of
action). The export prints the citations with their links."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from ikone.applications.permissions import can_edit_draft
from ikone.applications.signals import (
    Citation,
    SectionPanel,
    section_citations,
    section_panels,
)
from ikone.core.mail import absolute_url
from ikone.core.prepared import PreparedQuery
from ikone.solutions.models import ReviewState, SectionCitation
from ikone.solutions.recommendations import Place, recommend_memoised
from ikone.solutions.services.citations import CITING_SECTIONS

RECOMMENDED = 5

_CITED = PreparedQuery(
    lambda section_id: (
        SectionCitation.objects.filter(
            section_id=section_id, solution__review_state=ReviewState.PUBLISHED
        )
        .select_related("solution")
        .order_by("solution__title")
    ),
    section_id=int,
)


@receiver(section_panels, dispatch_uid="solutions.section_panel")
def solutions_panel(
    sender: Any, *, draft: Any, section: Any, user: Any, **kwargs: Any
) -> SectionPanel | None:
    if section.key not in CITING_SECTIONS:
        return None
    cited = _CITED.all(section_id=section.pk)
    cited_ids = {citation.solution_id for citation in cited}
    organization = draft.organization
    # The memoised list of the recommendations page (its first LIMIT), so the
    # editor does not rank the catalogue again on every visit.
    recommended = [
        result
        for result in recommend_memoised(
            Place(municipality=organization.municipality, organization=organization)
        )
        if result.solution.pk not in cited_ids
    ][:RECOMMENDED]
    can_cite = can_edit_draft(user, draft)
    return SectionPanel(
        title=_("Lösungen aus dem Katalog"),
        template_name="solutions/includes/section_panel.html",
        context={
            "cited": cited,
            "recommended": recommended,
            "can_cite": can_cite,
            "section": section,
        },
        order=10,
    )


@receiver(section_citations, dispatch_uid="solutions.section_citations")
def solutions_cited(sender: Any, *, draft: Any, **kwargs: Any) -> dict[int, list[Citation]]:
    """The published solutions each section cites, for the export (one query)."""
    found: dict[int, list[Citation]] = {}
    rows = (
        SectionCitation.objects.filter(
            section__draft=draft, solution__review_state=ReviewState.PUBLISHED
        )
        .select_related("solution")
        .order_by("solution__title", "pk")
    )
    for row in rows:
        found.setdefault(row.section_id, []).append(
            Citation(
                title=row.solution.title,
                url=absolute_url(row.solution.get_absolute_url()),
                kind="solution",
            )
        )
    return found
