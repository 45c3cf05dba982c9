"""Answering, editing answers, the official interpretation."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ikone.accounts.models import Organization
from ikone.calls.models import CallSection
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.services import require, require_user
from ikone.qa import permissions
from ikone.qa.exceptions import EditConflictError
from ikone.qa.models import Answer, Question, QuestionStatus
from ikone.qa.notifications import NEW_ANSWER
from ikone.qa.services.questions import current_sections_only
from ikone.qa.text import sanitize_answer


@transaction.atomic
def answer_create(
    *,
    actor: Actor,
    question: Question,
    text: str,
    sections: Iterable[CallSection] = (),
    organization: Organization | None = None,
    notify: bool = True,
) -> Answer:
    """Answer a question. The first answer turns an open question into an
    answered one and records when; followers (but the author) get an e-mail
    after the commit unless `notify` is False (imports, demo data)."""
    user = require_user(actor)
    viewer = permissions.viewer_for(user)
    require(permissions.can_answer_question(viewer, question))
    if organization is not None:
        require(organization.pk in viewer.organization_ids)
    chosen = current_sections_only(question.call, sections)
    answer = Answer(question=question, author=user, organization=organization)
    answer.text = sanitize_answer(text)
    answer.full_clean(exclude=["question", "author", "organization"])
    answer.save()
    answer.cited_sections.set(chosen)
    now = timezone.now()
    Question.objects.filter(pk=question.pk, first_answer_at__isnull=True).update(
        first_answer_at=now,
        first_answer_seconds=max(0, int((now - question.created_at).total_seconds())),
    )
    Question.objects.filter(pk=question.pk, status=QuestionStatus.OPEN).update(
        status=QuestionStatus.ANSWERED
    )
    question.refresh_from_db(fields=["first_answer_at", "first_answer_seconds", "status"])
    audit.record(actor, "qa.answer.created", target=answer, data={"question": question.pk})
    if notify:
        mail.notify(NEW_ANSWER, answer.pk)
    return answer


@transaction.atomic
def answer_update(
    *,
    actor: Actor,
    answer: Answer,
    text: str,
    sections: Iterable[CallSection],
    based_on: int,
) -> Answer:
    """Change an answer unless someone saved it since version `based_on`
    (EditConflictError then). An update also settles an "Auslegung prüfen" flag:
    the author looked at it against the current wording."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_edit_answer(viewer, answer))
    chosen = current_sections_only(answer.question.call, sections)
    cleaned = sanitize_answer(text)
    was_flagged = answer.needs_review
    changed = Answer.objects.filter(pk=answer.pk, version=based_on).update(
        text=cleaned,
        version=F("version") + 1,
        updated_at=timezone.now(),
        needs_review=False,
        review_numbers=[],
        flagged_at=None,
    )
    if not changed:
        raise EditConflictError(current=Answer.objects.get(pk=answer.pk))
    answer.refresh_from_db()
    answer.cited_sections.set(chosen)
    audit.record(
        actor,
        "qa.answer.updated",
        target=answer,
        data={"version": answer.version, "settled_review": was_flagged},
    )
    return answer


@transaction.atomic
def answer_mark_official(*, actor: Actor, answer: Answer) -> Answer:
    """Make this the official interpretation of its question (coordinators);
    any earlier official answer loses the mark. Locks the question's answers."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_moderate(viewer))
    list(Answer.objects.select_for_update().filter(question_id=answer.question_id))
    Answer.objects.filter(question_id=answer.question_id, is_official=True).exclude(
        pk=answer.pk
    ).update(is_official=False)
    Answer.objects.filter(pk=answer.pk).update(is_official=True)
    answer.is_official = True
    audit.record(actor, "qa.answer.marked_official", target=answer)
    return answer


@transaction.atomic
def answer_unmark_official(*, actor: Actor, answer: Answer) -> Answer:
    """Withdraw the official mark (coordinators)."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_moderate(viewer))
    Answer.objects.filter(pk=answer.pk).update(is_official=False)
    answer.is_official = False
    audit.record(actor, "qa.answer.unmarked_official", target=answer)
    return answer
