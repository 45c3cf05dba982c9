"""Access-matrix rows of questions and answers (see tests/access.py). The
question is of organisation A, for coordinators and mentors only, answered
by its author (official, in the FAQ)."""

from tests.access import COORDINATION, LOGIN, PUBLIC, SIGNED_IN, Base, everyone, post, row

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "qa:list": PUBLIC,
    "qa:create": SIGNED_IN,
    "qa:review_list": SIGNED_IN,
    "qa:figures": COORDINATION,
    "qa:detail": row(404, 200, 404, 200, 200, 200, 200),
    "qa:answer": post(LOGIN, 400, 404, 400, 400, 400, 400),
    "qa:follow": post(LOGIN, 302, 404, 302, 302, 302, 302),
    "qa:unfollow": post(LOGIN, 302, 404, 302, 302, 302, 302),
    # The matrix question is answered: its asker (staff_a) may only ask for
    # its removal; coordinators hide it (an empty form lacks the reason).
    "qa:question_edit": row(LOGIN, 403, 404, 403, 403, 403, 403),
    "qa:question_withdraw": row(LOGIN, 403, 404, 403, 403, 403, 403),
    "qa:question_request_removal": post(LOGIN, 302, 404, 403, 403, 403, 403),
    "qa:question_hide": post(LOGIN, 403, 404, 403, 403, 400, 400),
    "qa:question_unhide": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:faq_publish": row(LOGIN, 403, 404, 403, 403, 200, 200),
    "qa:faq_review_confirm": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:faq_unpublish": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:answer_edit": row(LOGIN, 200, 404, 403, 403, 200, 200),
    "qa:answer_official": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:answer_review_confirm": post(LOGIN, 302, 404, 403, 403, 302, 302),
    # The call's FAQ page, which qa adds below the call.
    "calls:faq": PUBLIC,
    # Suggestions while typing a question (POST keeps the typed text out of
    # addresses); anyone may ask for them, results are filtered per person.
    "qa_suggestions:list": everyone(200, method="POST"),
    "qa_suggestions:answered": post(LOGIN, 302, 302, 302, 302, 302, 302),
}


def objects(base: Base) -> dict:
    from django.utils import timezone

    from ikone.qa.models import Answer, FAQEntry, Question
    from tests.qa.factories import make_call

    call = make_call(slug="matrix-fragen", title="Aufruf der Fragen").call
    question = Question.objects.create(
        call=call,
        organization=base.organization,
        author=base.staff_member,
        title="Wie ist Abschnitt 3.2 gemeint?",
        text="Frage von A",
        visibility="mentors",
    )
    answer = Answer.objects.create(
        question=question, author=base.staff_member, text="<p>So.</p>", is_official=True
    )
    FAQEntry.objects.create(
        question=question,
        call=call,
        official_answer=answer,
        title=question.title,
        answer_text=answer.text,
        published_at=timezone.now(),
    )
    return {"question_pk": question.pk, "answer_pk": answer.pk}


PK_BY_SEGMENT = {
    "fragen/antworten/": lambda values: values["answer_pk"],
    "fragen/": lambda values: values["question_pk"],
}
