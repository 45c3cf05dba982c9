"""The application workshop's parts of the personal data export
(ikone.core.personal_data): drafts started, section versions written,
comments, mentor reviews and recommendations, uploads and plan edits."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ikone.applications.models import (
    CostItem,
    Draft,
    DraftDocument,
    DraftExport,
    DraftMentor,
    DraftSection,
    FinancingPlan,
    MentorAssessment,
    Milestone,
    SectionComment,
    SectionRevision,
)
from ikone.core.personal_data import ExportPart, register, when


def _drafts(user: Any) -> list[dict[str, Any]]:
    # all_objects: a draft the person deleted is in the trash, which the
    # default manager leaves out.
    rows = Draft.all_objects.filter(Q(created_by=user) | Q(deleted_by=user)).order_by("pk")
    return [
        {
            "draft": row.title,
            "created_by_you": row.created_by_id == user.pk,
            "created_at": when(row.created_at),
            "deleted_by_you": row.deleted_by_id == user.pk,
            "deleted_at": when(row.deleted_at),
        }
        for row in rows
    ]


def _section_versions(user: Any) -> list[dict[str, Any]]:
    rows = (
        SectionRevision.objects.filter(author=user)
        .select_related("section__draft")
        .order_by("section_id", "version")
    )
    return [
        {
            "draft": row.section.draft.title,
            "section": row.section.title,
            "version": row.version,
            "text": row.text,
            "created_at": when(row.created_at),
        }
        for row in rows
    ]


def _comments(user: Any) -> list[dict[str, Any]]:
    rows = (
        SectionComment.objects.filter(Q(author=user) | Q(resolved_by=user))
        .select_related("section__draft")
        .order_by("pk")
    )
    return [
        {
            "draft": row.section.draft.title,
            "section": row.section.title,
            "written_by_you": row.author_id == user.pk,
            "text": row.text if row.author_id == user.pk else None,
            "created_at": when(row.created_at),
            "resolved_by_you": row.resolved_by_id == user.pk,
            "resolved_at": when(row.resolved_at),
        }
        for row in rows
    ]


def _reviews(user: Any) -> list[dict[str, Any]]:
    shares = (
        DraftMentor.objects.filter(Q(mentor=user) | Q(shared_by=user))
        .select_related("draft")
        .order_by("pk")
    )
    scores = (
        MentorAssessment.objects.filter(mentor=user)
        .select_related("draft", "criterion")
        .order_by("pk")
    )
    return [
        {
            "draft": row.draft.title,
            "you_are_the_mentor": row.mentor_id == user.pk,
            "shared_by_you": row.shared_by_id == user.pk,
            "shared_at": when(row.shared_at),
            "recommendation": row.recommendation if row.mentor_id == user.pk else None,
            "recommendation_text": row.recommendation_text if row.mentor_id == user.pk else None,
            "recommended_at": when(row.recommended_at) if row.mentor_id == user.pk else None,
        }
        for row in shares
    ] + [
        {
            "draft": row.draft.title,
            "criterion": row.criterion.title,
            "score": row.score,
            "note": row.note,
            "updated_at": when(row.updated_at),
        }
        for row in scores
    ]


def _edits(user: Any) -> list[dict[str, Any]]:
    """Rows whose last change the person made (the change itself is in the
    drafts; here only which row and when)."""
    edits: list[dict[str, Any]] = []
    for label, model, stamp in (
        ("document", DraftDocument, "uploaded_at"),
        ("export", DraftExport, "created_at"),
        ("financing_plan", FinancingPlan, "updated_at"),
        ("cost_item", CostItem, "updated_at"),
        ("milestone", Milestone, "updated_at"),
        ("section", DraftSection, "updated_at"),
    ):
        field = {DraftDocument: "uploaded_by", DraftExport: "requested_by"}.get(
            model, "updated_by"
        )
        for pk, draft_title, at in (
            model._default_manager.filter(**{field: user})
            .order_by("pk")
            .values_list("pk", "draft__title", stamp)
        ):
            edits.append({"kind": label, "id": pk, "draft": draft_title, "at": when(at)})
    return edits


def register_parts() -> None:
    register(
        ExportPart(
            "application_drafts",
            _drafts,
            covers=("applications.Draft.created_by", "applications.Draft.deleted_by"),
        ),
        ExportPart(
            "section_versions",
            _section_versions,
            covers=("applications.SectionRevision.author",),
            note="every version of a draft section the person saved, with its text",
        ),
        ExportPart(
            "section_comments",
            _comments,
            covers=(
                "applications.SectionComment.author",
                "applications.SectionComment.resolved_by",
            ),
        ),
        ExportPart(
            "mentor_reviews",
            _reviews,
            covers=(
                "applications.DraftMentor.mentor",
                "applications.DraftMentor.shared_by",
                "applications.MentorAssessment.mentor",
            ),
            note="shares, recommendations and criterion scores",
        ),
        ExportPart(
            "application_edits",
            _edits,
            covers=(
                "applications.DraftDocument.uploaded_by",
                "applications.DraftExport.requested_by",
                "applications.FinancingPlan.updated_by",
                "applications.CostItem.updated_by",
                "applications.Milestone.updated_by",
                "applications.DraftSection.updated_by",
            ),
        ),
    )
