"""The application workshop's tables, one module per sub-domain.

A1 (core): drafts, sections and their history, criteria assessments,
required documents, mentor review. A2 adds financing and schedule modules
here; import every module below so Django sees its models.
"""

from ikone.applications.models.criteria import CriterionAssessment, MentorAssessment
from ikone.applications.models.documents import DocumentStatus, DraftDocument
from ikone.applications.models.drafts import Draft, DraftStatus
from ikone.applications.models.exports import DraftExport, ExportFormat, ExportState
from ikone.applications.models.financing import CostCategory, CostItem, FinancingPlan
from ikone.applications.models.reminders import DeadlineReminder
from ikone.applications.models.review import (
    DraftMentor,
    Recommendation,
    SectionComment,
)
from ikone.applications.models.schedule import Milestone, MilestoneKind
from ikone.applications.models.section_templates import SectionTemplate, SectionTemplateItem
from ikone.applications.models.sections import DraftSection, SectionRevision

__all__ = [
    "DeadlineReminder",
    "CostCategory",
    "CostItem",
    "FinancingPlan",
    "Milestone",
    "MilestoneKind",
    "CriterionAssessment",
    "DocumentStatus",
    "Draft",
    "DraftDocument",
    "DraftExport",
    "DraftMentor",
    "DraftSection",
    "DraftStatus",
    "ExportFormat",
    "ExportState",
    "MentorAssessment",
    "Recommendation",
    "SectionComment",
    "SectionRevision",
    "SectionTemplate",
    "SectionTemplateItem",
]
