"""Reads of the criteria matrix and the required documents checklist of a
draft (the draft itself is fetched and checked by `selectors`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import Http404

from ikone.applications.models import (
    CriterionAssessment,
    Draft,
    DraftDocument,
    DraftSection,
    MentorAssessment,
)
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.core.prepared import PreparedQuery

# --- Criteria matrix --------------------------------------------------------------


@dataclass
class CriterionRow:
    criterion: EvaluationCriterion
    assessment: CriterionAssessment | None
    section_ids: list[int] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    # Every mentor's own assessment, oldest first (`mentor` None: account deleted).
    mentor_assessments: list[MentorAssessment] = field(default_factory=list)

    def mentor_assessment_of(self, user: Any) -> MentorAssessment | None:
        return next((m for m in self.mentor_assessments if m.mentor_id == user.pk), None)

    @property
    def covered(self) -> bool:
        """At least one section addresses the criterion."""
        return bool(self.section_ids)

    @property
    def retired(self) -> bool:
        """The call no longer asks for it ("nicht mehr gefordert"); shown
        only because this draft has work on it."""
        return self.criterion.retired


def criteria_matrix(
    *, draft: Draft, sections: list[DraftSection] | None = None
) -> list[CriterionRow]:
    """One row per evaluation criterion of the draft's call, in the call's
    order, with every mentor's assessment; a retired criterion only where
    this draft has assessments of it. Four queries (criteria,
    assessments, their sections, mentor assessments) plus the sections when
    not given, each compiled once per process (core.prepared)."""
    if sections is None:
        sections = list(DraftSection.objects.filter(draft=draft).order_by("position"))
    by_id = {section.pk: section for section in sections}
    assessments = {
        assessment.criterion_id: assessment for assessment in _ASSESSMENTS.all(draft_id=draft.pk)
    }
    # The sections each assessment links, in the sections' order (as a
    # prefetch of `assessment.sections` gave them).
    linked: dict[int, list[int]] = {}
    for assessment_id, section_id in _ASSESSMENT_SECTIONS.all(draft_id=draft.pk):
        linked.setdefault(assessment_id, []).append(section_id)
    by_mentors: dict[int, list[MentorAssessment]] = {}
    for mentor_assessment in _MENTOR_ASSESSMENTS.all(draft_id=draft.pk):
        by_mentors.setdefault(mentor_assessment.criterion_id, []).append(mentor_assessment)
    used = set(assessments) | set(by_mentors)
    rows = []
    for criterion in _CRITERIA.all(call_id=draft.call_id):
        if criterion.retired and criterion.pk not in used:
            continue
        assessment = assessments.get(criterion.pk)
        ids = linked.get(assessment.pk, []) if assessment else []
        rows.append(
            CriterionRow(
                criterion=criterion,
                assessment=assessment,
                section_ids=ids,
                sections=[by_id[pk] for pk in ids if pk in by_id],
                mentor_assessments=by_mentors.get(criterion.pk, []),
            )
        )
    return rows


# The criteria page reads these on every visit: compiled once per process.
_ASSESSMENTS = PreparedQuery(
    lambda draft_id: CriterionAssessment.objects.filter(draft_id=draft_id), draft_id=int
)
_ASSESSMENT_SECTIONS = PreparedQuery(
    lambda draft_id: (
        CriterionAssessment.sections.through.objects.filter(criterionassessment__draft_id=draft_id)
        .order_by("draftsection__draft_id", "draftsection__position", "draftsection_id")
        .values_list("criterionassessment_id", "draftsection_id")
    ),
    draft_id=int,
)
_MENTOR_ASSESSMENTS = PreparedQuery(
    lambda draft_id: (
        MentorAssessment.objects.filter(draft_id=draft_id).select_related("mentor").order_by("pk")
    ),
    draft_id=int,
)
# Retired criteria too: the matrix keeps those this draft has work on.
_CRITERIA = PreparedQuery(
    lambda call_id: EvaluationCriterion.objects.filter(call_id=call_id).order_by("position", "pk"),
    call_id=int,
)


# --- Required documents --------------------------------------------------------------


@dataclass
class DocumentRow:
    required: RequiredDocument
    document: DraftDocument | None

    @property
    def status(self) -> str:
        return self.document.status if self.document else "open"

    @property
    def is_available(self) -> bool:
        return self.document is not None and self.document.status == "available"

    @property
    def retired(self) -> bool:
        """The call no longer asks for it; shown with the draft's upload kept."""
        return self.required.retired


def document_checklist(*, draft: Draft) -> list[DocumentRow]:
    """The call's required documents (application stage first) with this
    draft's status and file; a retired document only where this draft has
    a row for it (its upload is kept). Two queries."""
    documents = {
        document.required_document_id: document
        for document in DraftDocument.objects.filter(draft=draft).select_related("uploaded_by")
    }
    return [
        DocumentRow(required=required, document=documents.get(required.pk))
        for required in RequiredDocument.objects.filter(call_id=draft.call_id)
        .filter(Q(retired=False) | Q(pk__in=list(documents)))
        .order_by("stage", "position", "pk")
    ]


def document_get_for_draft(*, draft: Draft, required_pk: int) -> RequiredDocument:
    """A required document of the draft's call (Http404 if not of this call)."""
    required = RequiredDocument.objects.filter(pk=required_pk, call_id=draft.call_id).first()
    if required is None:
        raise Http404
    return required


def draft_document_get(*, draft: Draft, required_pk: int) -> DraftDocument | None:
    return (
        DraftDocument.objects.select_related("required_document")
        .filter(draft=draft, required_document_id=required_pk)
        .first()
    )


def drafts_using_call_items(model: type[Any], ids: Collection[int]) -> set[int]:
    """The drafts (also those in the trash) whose uploads or assessments
    point at these documents or criteria (registered in
    `ikone.calls.usage.ITEM_USAGE`; the calls admin counts them)."""
    if model is RequiredDocument:
        rows = DraftDocument.objects.filter(required_document_id__in=ids)
        return set(rows.values_list("draft_id", flat=True))
    if model is EvaluationCriterion:
        own = CriterionAssessment.objects.filter(criterion_id__in=ids)
        mentors = MentorAssessment.objects.filter(criterion_id__in=ids)
        return set(own.values_list("draft_id", flat=True)) | set(
            mentors.values_list("draft_id", flat=True)
        )
    return set()
