"""HTML views of the application workshop under /bewerbungen/."""

from ikone.applications.views.checklist import (
    criteria,
    document_download,
    document_from_template,
    document_update,
    documents,
    readiness,
)
from ikone.applications.views.drafts import (
    draft_create,
    draft_detail,
    draft_list,
    draft_outcome,
    draft_share,
    draft_transition,
    figures,
)
from ikone.applications.views.review import comment_add, comment_resolve, recommendation
from ikone.applications.views.sections import section_edit, section_history, section_restore

__all__ = [
    "comment_add",
    "comment_resolve",
    "criteria",
    "document_download",
    "document_from_template",
    "document_update",
    "documents",
    "draft_create",
    "draft_detail",
    "draft_list",
    "draft_outcome",
    "draft_share",
    "draft_transition",
    "figures",
    "readiness",
    "recommendation",
    "section_edit",
    "section_history",
    "section_restore",
]
