"""The questions app's notification kinds and the mails they send.

Registered in `QaConfig.ready()`; services send them with
`core.mail.notify(kind, id)` after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind
from ikone.qa.models import Answer, QuestionFollow
from ikone.qa.permissions import can_view_question, viewer_for
from ikone.qa.text import plain_text

NEW_ANSWER = "qa.new_answer"

KINDS = (
    NotificationKind(
        NEW_ANSWER,
        _("Neue Antwort auf eine Frage, der Sie folgen"),
        "ikone.qa.notifications.new_answer_mail",
        description=_("An die fragende Person und alle, die der Frage folgen."),
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
