"""Publishing questions to a call's FAQ with edited wording and a history."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ikone.calls.models import CallSection
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require, require_user
from ikone.qa import permissions
from ikone.qa.exceptions import EditConflictError, InvalidSectionsError, NoOfficialAnswerError
from ikone.qa.models import Answer, FAQEntry, FAQRevision, Question, QuestionStatus
from ikone.qa.text import sanitize_answer


def _check_section(question: Question, section: CallSection | None) -> None:
    if section is not None and section.version_id != question.call.current_version_id:
        raise InvalidSectionsError


def _revise(entry: FAQEntry, actor: Actor, note: str) -> FAQRevision:
    number = (
        entry.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    return FAQRevision.objects.create(
        entry=entry,
        number=number,
        title=entry.title,
        question_text=entry.question_text,
        answer_text=entry.answer_text,
        note=note,
        created_by=actor.user,
    )


@transaction.atomic
def faq_publish(
    *,
    actor: Actor,
    question: Question,
    title: str,
    question_text: str,
    answer_text: str,
    section: CallSection | None,
    note: str = "",
) -> FAQEntry:
    """Publish a question with its official answer to the call's FAQ in the
    given wording (coordinators). The question and its answers keep their
    original wording; the published one is stored as revision 1. Publishing
    an already published question again raises EditConflictError (edit it
    instead)."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_publish_faq(viewer, question))
    official = Answer.objects.filter(question=question, is_official=True).first()
    if official is None:
        raise NoOfficialAnswerError
    _check_section(question, section)
    existing = FAQEntry.objects.filter(question=question).first()
    if existing is not None and existing.is_published:
        raise EditConflictError(current=existing)
    now = timezone.now()
    entry = existing or FAQEntry(question=question, call_id=question.call_id)
    entry.section = section
    entry.official_answer = official
    entry.title = title.strip()
    entry.question_text = question_text.strip()
    entry.answer_text = sanitize_answer(answer_text)
    entry.is_published = True
    entry.published_at = now
    entry.published_by = actor.user
    entry.needs_review = official.needs_review
    entry.review_numbers = list(official.review_numbers)
    entry.flagged_at = official.flagged_at
    if existing is not None:
        entry.version = F("version") + 1  # type: ignore[assignment]
    entry.full_clean(exclude=["question", "call", "official_answer", "section", "version"])
    entry.save()
    entry.refresh_from_db()
    _revise(entry, actor, note)
    Question.objects.filter(pk=question.pk).update(status=QuestionStatus.FAQ)
    question.status = QuestionStatus.FAQ
    audit.record(actor, "qa.faq_entry.published", target=entry, data={"call": question.call_id})
    return entry


@transaction.atomic
def faq_entry_update(
    *,
    actor: Actor,
    entry: FAQEntry,
    title: str,
    question_text: str,
    answer_text: str,
    section: CallSection | None,
    based_on: int,
    note: str = "",
) -> FAQEntry:
    """Change the published wording unless someone saved since version
    `based_on` (EditConflictError). Adds a revision; settles an "Auslegung
    prüfen" flag on the entry (the coordinator looked at it)."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_moderate(viewer))
    _check_section(entry.question, section)
    cleaned = sanitize_answer(answer_text)
    was_flagged = entry.needs_review
    changed = FAQEntry.objects.filter(pk=entry.pk, version=based_on).update(
        title=title.strip(),
        question_text=question_text.strip(),
        answer_text=cleaned,
        section=section,
        version=F("version") + 1,
        updated_at=timezone.now(),
        needs_review=False,
        review_numbers=[],
        flagged_at=None,
    )
    if not changed:
        raise EditConflictError(current=FAQEntry.objects.get(pk=entry.pk))
    entry.refresh_from_db()
    revision = _revise(entry, actor, note)
    audit.record(
        actor,
        "qa.faq_entry.updated",
        target=entry,
        data={"revision": revision.number, "settled_review": was_flagged},
    )
    return entry


@transaction.atomic
def faq_entry_unpublish(*, actor: Actor, entry: FAQEntry) -> FAQEntry:
    """Take an entry off the FAQ; wording and history stay (coordinators)."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_moderate(viewer))
    FAQEntry.objects.filter(pk=entry.pk).update(is_published=False, updated_at=timezone.now())
    Question.objects.filter(pk=entry.question_id).update(status=QuestionStatus.ANSWERED)
    entry.refresh_from_db()
    audit.record(actor, "qa.faq_entry.unpublished", target=entry)
    return entry
