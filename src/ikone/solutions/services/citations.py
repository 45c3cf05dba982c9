"""Citing catalogue solutions in an application draft's section."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ikone.applications.models import DraftSection
from ikone.applications.permissions import can_edit_draft
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.solutions.models import ReviewState, SectionCitation, Solution

# The sections that discuss transfer and measures (section_templates keys).
CITING_SECTIONS = frozenset({"uebertragbarkeit", "handlungsfelder-massnahmen"})


def _check(section: DraftSection, actor: Actor) -> None:
    if section.key not in CITING_SECTIONS:
        raise DomainError(_("In diesem Abschnitt werden keine Lösungen zitiert."))
    if not can_edit_draft(actor.user, section.draft):
        raise PermissionDenied


@transaction.atomic
def citation_add(*, section: DraftSection, slug: str, actor: Actor) -> SectionCitation:
    """Cite a published solution (once per section)."""
    _check(section, actor)
    solution = Solution.objects.filter(slug=slug, review_state=ReviewState.PUBLISHED).first()
    if solution is None:
        raise DomainError(_("Diese Lösung gibt es im Katalog nicht (oder nicht veröffentlicht)."))
    citation, created = SectionCitation.objects.get_or_create(
        section=section, solution=solution, defaults={"cited_by": actor.user}
    )
    if created:
        audit.record(
            actor,
            "solutions.citation.added",
            target=solution,
            data={"draft": section.draft_id, "section": section.key},
        )
    return citation


@transaction.atomic
def citation_remove(*, section: DraftSection, slug: str, actor: Actor) -> None:
    _check(section, actor)
    deleted, _rows = SectionCitation.objects.filter(section=section, solution__slug=slug).delete()
    if deleted:
        audit.record(
            actor,
            "solutions.citation.removed",
            data={"draft": section.draft_id, "section": section.key, "solution": slug},
        )
