"""What an export shows, summarised: `draft_fingerprint(draft)` changes
whenever anything in the export could have changed, so a made file is
served again only while the draft is unchanged.

One query (plus one per app that contributes citations): the draft's own fields and the call's revision, plus for each
table the export reads a count and the newest `updated_at` (a count
catches deletions, the time catches edits; sections add their summed
versions, since every save raises a section's version).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Sum

if TYPE_CHECKING:
    from ikone.applications.models import Draft

# Bump when the export's layout changes, so older files are made anew.
LAYOUT_VERSION = 2


def _related() -> dict[str, Any]:
    from ikone.applications.models import (
        CostItem,
        CriterionAssessment,
        DraftSection,
        FinancingPlan,
        MentorAssessment,
        Milestone,
    )

    return {
        "sections": DraftSection,
        "costs": CostItem,
        "milestones": Milestone,
        "plan": FinancingPlan,
        "assessments": CriterionAssessment,
        "mentor_assessments": MentorAssessment,
    }


def _per_draft(model: Any, aggregate: Any) -> Subquery:
    rows = (
        model.objects.filter(draft_id=OuterRef("pk"))
        .order_by()
        .values("draft_id")
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(rows)


def draft_fingerprint(draft: Draft) -> str:
    """A hex digest of the draft's exported state (one query)."""
    from ikone.applications.models import Draft

    annotations: dict[str, Any] = {}
    for name, model in _related().items():
        annotations[f"{name}_count"] = _per_draft(model, Count("pk"))
        annotations[f"{name}_changed"] = _per_draft(model, Max("updated_at"))
    annotations["section_versions"] = _per_draft(
        _related()["sections"], Sum("version", output_field=IntegerField())
    )
    values = (
        Draft.all_objects.filter(pk=draft.pk)
        .annotate(**annotations)
        .values(
            "title",
            "status",
            "version",
            "updated_at",
            "submitted_on",
            "funded_amount",
            "call__revision",
            "call__updated_at",
            "call__current_version_id",
            *annotations,
        )
        .first()
    )
    from ikone.applications.signals import citations_for

    cited = sorted(
        (section_id, [(item.title, item.url) for item in items])
        for section_id, items in citations_for(draft=draft).items()
    )
    summary = repr((LAYOUT_VERSION, sorted((values or {}).items()), cited))
    return hashlib.sha256(summary.encode()).hexdigest()
