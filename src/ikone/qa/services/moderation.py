"""The asker's control over their question and the coordinators' moderation.

While nobody answered, the asker edits or withdraws the question; after an
answer they ask the coordinators to remove it (who are notified: kind
`qa.removal_requested`). Coordinators hide a question
with a reason: accounts/visibility.py then keeps it (and its answers, FAQ
entry, search document and suggestions) from everyone but coordinators.
Audit entries name the question and the changed fields, never the texts."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.services import require, require_user
from ikone.qa import permissions
from ikone.qa.models import Question
from ikone.qa.notifications import REMOVAL_REQUESTED


class StaleQuestionError(DomainError):
    """Someone changed the question since the form was loaded."""


@transaction.atomic
def question_edit(
    *, actor: Actor, question: Question, title: str, text: str, based_on: int
) -> Question:
    user = require_user(actor)
    require(permissions.can_edit_own_question(permissions.viewer_for(user), question))
    changed = [
        name
        for name, value in (("title", title.strip()), ("text", text.strip()))
        if getattr(question, name) != value
    ]
    question.title, question.text = title.strip(), text.strip()
    question.full_clean(exclude=["call", "author", "organization", "hidden_by"])
    updated = Question.objects.filter(pk=question.pk, version=based_on).update(
        title=question.title,
        text=question.text,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleQuestionError(
            _("Die Frage wurde inzwischen geändert. Bitte laden Sie die Seite neu.")
        )
    question.refresh_from_db()
    audit.record(actor, "qa.question.edited", target=question, data={"fields": changed})
    return question


@transaction.atomic
def question_withdraw(*, actor: Actor, question: Question) -> None:
    """Delete the unanswered question (the asker's own)."""
    user = require_user(actor)
    require(permissions.can_edit_own_question(permissions.viewer_for(user), question))
    audit.record(actor, "qa.question.withdrawn", target=question, data={})
    question.delete()


@transaction.atomic
def question_request_removal(*, actor: Actor, question: Question) -> Question:
    user = require_user(actor)
    require(permissions.can_request_removal(permissions.viewer_for(user), question))
    if question.removal_requested_at is None:
        question.removal_requested_at = timezone.now()
        question.save(update_fields=["removal_requested_at", "updated_at"])
        audit.record(actor, "qa.question.removal_requested", target=question, data={})
        # Coordinators learn of it in their notification centre (and by mail,
        # as they chose), not only when they happen to open the question.
        mail.notify(REMOVAL_REQUESTED, question.pk)
    return question


@transaction.atomic
def question_hide(*, actor: Actor, question: Question, reason: str) -> Question:
    user = require_user(actor)
    require(permissions.can_hide_question(permissions.viewer_for(user), question))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Bitte nennen Sie den Grund für die Ausblendung."))
    question.hidden_at = timezone.now()
    question.hidden_by = user
    question.hidden_reason = reason
    question.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
    audit.record(
        actor,
        "qa.question.hidden",
        target=question,
        data={
            "fields": ["hidden_at", "hidden_reason"],
            "removal_requested": bool(question.removal_requested_at),
        },
    )
    return question


@transaction.atomic
def question_unhide(*, actor: Actor, question: Question) -> Question:
    user = require_user(actor)
    require(permissions.can_hide_question(permissions.viewer_for(user), question))
    question.hidden_at = None
    question.hidden_by = None
    question.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
    audit.record(actor, "qa.question.shown", target=question, data={"fields": ["hidden_at"]})
    return question
