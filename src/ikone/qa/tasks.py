"""Background work of the questions app: e-mails to followers.

Services enqueue these with `transaction.on_commit`, passing only ids."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from ikone.accounts.mail import absolute_url
from ikone.qa.mail import send_qa_mail
from ikone.qa.models import Answer, QuestionFollow
from ikone.qa.permissions import can_view_question, viewer_for
from ikone.qa.text import plain_text


@task()
def send_new_answer_emails(answer_id: int) -> None:
    """Tell everyone following the question (but the answer's author) about a
    new answer, as far as they may still see the question."""
    answer = Answer.objects.select_related("question__call", "author").filter(pk=answer_id).first()
    if answer is None:
        return
    question = answer.question
    follows = QuestionFollow.objects.filter(question=question, user__is_active=True)
    if answer.author_id is not None:
        follows = follows.exclude(user_id=answer.author_id)
    recipients = [
        follow.user.email
        for follow in follows.select_related("user")
        if can_view_question(viewer_for(follow.user), question)
    ]
    send_qa_mail(
        "new_answer",
        recipients,
        {
            "question": question,
            "answer_text": plain_text(answer.text),
            "question_url": absolute_url(reverse("qa:detail", kwargs={"pk": question.pk})),
        },
    )
