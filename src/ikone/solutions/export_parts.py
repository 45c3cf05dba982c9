"""Solutions' part of the personal data export (ikone.core.personal_data):
solutions proposed, adoptions recorded and review steps taken."""

from __future__ import annotations

from typing import Any

from ikone.core.personal_data import ExportPart, register, when
from ikone.solutions.models import Adoption, ReviewEntry, Solution
from ikone.solutions.models.citations import SectionCitation
from ikone.solutions.models.open_data import CatalogueExportSettings


def _solutions(user: Any) -> list[dict[str, Any]]:
    proposed = Solution.objects.filter(proposed_by=user).order_by("pk")
    adoptions = Adoption.objects.filter(recorded_by=user).select_related("solution").order_by("pk")
    reviews = ReviewEntry.objects.filter(author=user).select_related("solution").order_by("pk")
    return (
        [
            {
                "proposed": row.title,
                "contact_name": row.contact_name,
                "contact_email": row.contact_email,
                "created_at": when(row.created_at),
            }
            for row in proposed
        ]
        + [
            {
                "adoption_recorded": row.solution.title,
                "experience": row.experience,
                "created_at": when(row.created_at),
            }
            for row in adoptions
        ]
        + [
            {
                "review_step": row.solution.title,
                "action": row.action,
                "comment": row.comment,
                "created_at": when(row.created_at),
            }
            for row in reviews
        ]
    )


def _citations_and_licence(user: Any) -> list[dict[str, Any]]:
    """Citations the person added to drafts (ids only: the draft is its
    organisation's, which the person may have left) and licence changes."""
    citations = (
        SectionCitation.objects.filter(cited_by=user).select_related("solution").order_by("pk")
    )
    licences = CatalogueExportSettings.objects.filter(changed_by=user).order_by("pk")
    return [
        {
            "citation": row.solution.title,
            "draft_section_id": row.section_id,
            "created_at": when(row.created_at),
        }
        for row in citations
    ] + [
        {"open_data_licence_set": row.licence, "changed_at": when(row.changed_at)}
        for row in licences
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "solutions",
            _solutions,
            covers=(
                "solutions.Solution.proposed_by",
                "solutions.Solution.contact_email",
                "solutions.Solution.contact_name",
                "solutions.Adoption.recorded_by",
                "solutions.ReviewEntry.author",
            ),
        )
    )
    register(
        ExportPart(
            "solution_citations",
            _citations_and_licence,
            covers=(
                "solutions.SectionCitation.cited_by",
                "solutions.CatalogueExportSettings.changed_by",
            ),
            note="solutions the person cited in drafts; open-data licence changes",
        )
    )
