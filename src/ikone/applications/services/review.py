"""Mentor review: comment threads on sections, the mentor's assessment of
criteria and the overall recommendation."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.applications import notifications, permissions
from ikone.applications.exceptions import DraftError
from ikone.applications.models import (
    Draft,
    DraftMentor,
    DraftSection,
    MentorAssessment,
    Recommendation,
    SectionComment,
)
from ikone.calls.models import EvaluationCriterion
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.services import require, require_user

MAX_COMMENT_LENGTH = 5_000


@transaction.atomic
def comment_add(
    *, section: DraftSection, text: str, actor: Actor, parent: SectionComment | None = None
) -> SectionComment:
    """Open a thread on the section, or reply to one (`parent`). Everyone
    involved in the draft except the writer is told by e-mail."""
    user = require_user(actor)
    draft: Draft = section.draft
    require(permissions.can_comment_draft(user, draft))
    text = text.strip()
    if not text:
        raise DraftError(_("Bitte schreiben Sie einen Kommentar."))
    if len(text) > MAX_COMMENT_LENGTH:
        raise DraftError(_("Der Kommentar ist zu lang."))
    if parent is not None:
        if parent.section_id != section.pk:
            raise DraftError(_("Die Antwort gehört zu einem anderen Abschnitt."))
        if parent.parent_id is not None:
            parent = parent.parent
    comment = SectionComment.objects.create(
        section=section,
        parent=parent,
        author=user,
        by_mentor=permissions.access_for(user, draft).mentor,
        text=text,
    )
    audit.record(actor, "applications.comment.added", target=comment)
    mail.notify(notifications.COMMENT, comment.pk)
    return comment


@transaction.atomic
def comment_resolve(
    *, comment: SectionComment, actor: Actor, resolved: bool = True
) -> SectionComment:
    """Mark a thread as resolved (or open it again)."""
    user = require_user(actor)
    require(permissions.can_resolve_comment(user, comment.section.draft))
    thread = comment.parent or comment
    thread.resolved_at = timezone.now() if resolved else None
    thread.resolved_by = user if resolved else None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    audit.record(
        actor,
        "applications.comment.resolved" if resolved else "applications.comment.reopened",
        target=thread,
    )
    return thread


@transaction.atomic
def mentor_assessment_save(
    *,
    draft: Draft,
    criterion: EvaluationCriterion,
    score: int | None,
    note: str,
    actor: Actor,
) -> MentorAssessment:
    """A shared mentor's own assessment (0–3) and note on one criterion.

    Each mentor has their own row (update_or_create on draft, criterion and
    mentor), so a second mentor never overwrites the first."""
    user = require_user(actor)
    require(permissions.can_review_draft(user, draft))
    if criterion.call_id != draft.call_id:
        raise DraftError(_("Das Kriterium gehört zu einem anderen Aufruf."))
    if criterion.retired:
        raise DraftError(_("Dieses Kriterium wird nicht mehr gefordert."))
    if score is not None and not 0 <= score <= 3:
        raise DraftError(_("Bitte eine Einschätzung von 0 bis 3 wählen."))
    assessment, _created = MentorAssessment.objects.update_or_create(
        draft=draft,
        criterion=criterion,
        mentor=user,
        defaults={"score": score, "note": note.strip()},
    )
    return assessment


@transaction.atomic
def recommendation_save(
    *, draft: Draft, recommendation: str, text: str, actor: Actor
) -> DraftMentor:
    """A shared mentor's overall recommendation; the organisation is told by e-mail."""
    user = require_user(actor)
    require(permissions.can_review_draft(user, draft))
    if recommendation not in Recommendation.values:
        raise DraftError(_("Bitte wählen Sie eine Empfehlung."))
    share = DraftMentor.objects.select_for_update().get(draft=draft, mentor=user)
    share.recommendation = recommendation
    share.recommendation_text = text.strip()
    share.recommended_at = timezone.now()
    share.save(update_fields=["recommendation", "recommendation_text", "recommended_at"])
    audit.record(
        actor,
        "applications.recommendation.given",
        target=draft,
        data={"recommendation": recommendation},
    )
    mail.notify(notifications.RECOMMENDATION, share.pk)
    return share
