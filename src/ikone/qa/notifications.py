"""The questions app's notification kinds and the mails they send.

Registered in `QaConfig.ready()`; services send them with
`core.mail.notify(kind, id)` after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import User
from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind
from ikone.qa.models import Answer, Question, QuestionFollow
from ikone.qa.permissions import can_hide_question, can_view_question, viewer_for
from ikone.qa.text import plain_text

NEW_ANSWER = "qa.new_answer"
REMOVAL_REQUESTED = "qa.removal_requested"

KINDS = (
    NotificationKind(
        NEW_ANSWER,
        _("Neue Antwort auf eine Frage, der Sie folgen"),
        "ikone.qa.notifications.new_answer_mail",
        description=_("An die fragende Person und alle, die der Frage folgen."),
    ),
    NotificationKind(
        REMOVAL_REQUESTED,
        _("Bitte, eine beantwortete Frage zu entfernen"),
        "ikone.qa.notifications.removal_requested_mail",
        description=_(
            "An die Netzwerkkoordination, wenn die fragende Person bittet, ihre Frage "
            "zu entfernen (die Koordination blendet sie mit einer Begründung aus)."
        ),
    ),
)


def new_answer_mail(answer_id: int) -> Mail | None:
    """To everyone following the question (but the answer's author), as far
    as they may still see the question."""
    answer = Answer.objects.select_related("question__call", "author").filter(pk=answer_id).first()
    if answer is None:
        return None
    question = answer.question
    follows = QuestionFollow.objects.filter(question=question, user__is_active=True)
    if answer.author_id is not None:
        follows = follows.exclude(user_id=answer.author_id)
    recipients = [
        follow.user
        for follow in follows.select_related("user")
        if can_view_question(viewer_for(follow.user), question)
    ]
    return Mail(
        NEW_ANSWER,
        recipients,
        {
            "question": question,
            "answer_text": plain_text(answer.text),
            "question_url": absolute_url(reverse("qa:detail", kwargs={"pk": question.pk})),
        },
    )


def removal_requested_mail(question_id: int) -> Mail | None:
    """To the coordinators who may hide the question: its asker asks for its
    removal. Nothing if the request is gone or the question already hidden."""
    question = (
        Question.objects.select_related("call")
        .filter(pk=question_id, removal_requested_at__isnull=False, hidden_at__isnull=True)
        .first()
    )
    if question is None:
        return None
    recipients = [
        user
        for user in User.objects.filter(is_coordinator=True, is_active=True).order_by("pk")
        if can_hide_question(viewer_for(user), question)
        and can_view_question(viewer_for(user), question)
    ]
    return Mail(
        REMOVAL_REQUESTED,
        recipients,
        {
            "question": question,
            "question_url": absolute_url(reverse("qa:detail", kwargs={"pk": question.pk})),
        },
    )
