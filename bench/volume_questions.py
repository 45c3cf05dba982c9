"""Questions, answers and FAQ entries for the benchmark (a step of
bench/generate.py's VOLUME_STEPS).
"""

from __future__ import annotations

import random

from common import BATCH, Context

QUESTIONS = 25_000  # and about as many answers: 50,000 questions and answers
FAQ_PER_CALL = 50
QUESTION_TOPICS = [
    "der Eigenanteil", "die Kofinanzierung durch Stadtwerke", "die Förderquote",
    "Personalkosten der Projektleitung", "der Ratsbeschluss", "die Strategiephase",
    "die Umsetzungsphase", "Open Source auf OpenCoDE", "eine interkommunale Kooperation",
    "die Haushaltsnotlage", "die Vergabe an Dienstleister", "eine urbane Datenplattform",
    "Sensorik für Parkplätze", "die Bürgerbeteiligung", "die Verlängerung der Laufzeit",
    "der Kosten- und Finanzierungsplan", "der Direkteinstieg in Phase B", "die Umsatzsteuer",
]  # fmt: skip
QUESTION_FORMS = [
    "Wie ist {topic} bei uns zu verstehen?",
    "Zählt {topic} zu den förderfähigen Ausgaben?",
    "Was gilt für {topic} in einer Verbandsgemeinde?",
    "Müssen wir {topic} schon in der Bewerbung nachweisen?",
    "Gibt es Erfahrungen, wie {topic} geregelt wurde?",
]


def add_questions(rng: random.Random, context: Context) -> None:
    """QUESTIONS questions of the organisations' people on the demo calls,
    with about one answer each (some none, some two), FAQ_PER_CALL published
    FAQ entries per call; dates spread over four years."""
    from django.db import connection
    from django.utils import timezone

    from ikone.calls.models import Call, CallSection
    from ikone.core.models import FieldOfAction
    from ikone.qa.models import (
        Answer,
        FAQEntry,
        FAQRevision,
        Question,
        QuestionStatus,
        Visibility,
    )

    calls = list(Call.objects.order_by("pk"))
    sections = {
        call.pk: list(CallSection.objects.filter(version_id=call.current_version_id))
        for call in calls
    }
    fields = list(FieldOfAction.objects.values_list("pk", flat=True))
    organizations = context.organization_ids
    answerers = context.user_ids[: len(organizations)]  # the Ansprechpersonen
    visibilities = [Visibility.PUBLIC] * 7 + [Visibility.NETWORK] * 2 + [Visibility.MENTORS]
    questions, answer_counts = [], []
    for _number in range(QUESTIONS):
        index = rng.randrange(len(context.user_ids))
        topic = rng.choice(QUESTION_TOPICS)
        answers = rng.choices([0, 1, 2], weights=[2, 6, 2])[0]
        questions.append(
            Question(
                call=rng.choice(calls),
                author_id=context.user_ids[index],
                organization_id=organizations[index % len(organizations)],
                title=rng.choice(QUESTION_FORMS).format(topic=topic),
                text=f"Wir planen ein Vorhaben und fragen uns, wie {topic} gemeint ist.",
                visibility=rng.choice(visibilities),
                show_organization=rng.random() < 0.5,
                status=QuestionStatus.ANSWERED if answers else QuestionStatus.OPEN,
            )
        )
        answer_counts.append(answers)
    questions = Question.objects.bulk_create(questions, batch_size=BATCH)
    cited = Question.cited_sections.through
    in_field = Question.fields_of_action.through
    cited.objects.bulk_create(
        [
            cited(question_id=q.pk, callsection_id=rng.choice(sections[q.call_id]).pk)
            for q in questions
            if sections[q.call_id]
        ],
        batch_size=BATCH,
    )
    in_field.objects.bulk_create(
        [
            in_field(question_id=q.pk, fieldofaction_id=rng.choice(fields))
            for q in questions
            if fields and rng.random() < 0.5
        ],
        batch_size=BATCH,
    )
    answers = [
        Answer(
            question_id=question.pk,
            author_id=rng.choice(answerers),
            text="<p>Nach unserer Erfahrung ist das möglich, wenn es im Kosten- und "
            "Finanzierungsplan ausgewiesen ist.</p>",
        )
        for question, count in zip(questions, answer_counts, strict=True)
        for _answer in range(count)
    ]
    answers = Answer.objects.bulk_create(answers, batch_size=BATCH)
    answer_cited = Answer.cited_sections.through
    call_of = {q.pk: q.call_id for q in questions}
    answer_cited.objects.bulk_create(
        [
            answer_cited(
                answer_id=a.pk, callsection_id=rng.choice(sections[call_of[a.question_id]]).pk
            )
            for a in answers
            if sections[call_of[a.question_id]]
        ],
        batch_size=BATCH,
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        # Spread over four years, newest last; a first answer 1 to 96 hours later.
        cursor.execute(
            f"UPDATE {Question._meta.db_table} SET created_at = %s - (%s - id) * interval "  # noqa: S608
            "'83 minutes', updated_at = %s WHERE id BETWEEN %s AND %s",
            [now, questions[-1].pk, now, questions[0].pk, questions[-1].pk],
        )
        cursor.execute(
            f"UPDATE {Answer._meta.db_table} a SET created_at = q.created_at + "  # noqa: S608
            "(1 + a.id %% 96) * interval '1 hour' FROM "
            f"{Question._meta.db_table} q WHERE a.question_id = q.id AND a.id >= %s",
            [answers[0].pk],
        )
        cursor.execute(
            f"UPDATE {Question._meta.db_table} q SET first_answer_at = f.first, "  # noqa: S608
            "first_answer_seconds = extract(epoch FROM f.first - q.created_at)::integer "
            f"FROM (SELECT question_id, min(created_at) AS first FROM {Answer._meta.db_table} "
            "GROUP BY question_id) f WHERE f.question_id = q.id AND q.id >= %s",
            [questions[0].pk],
        )
    first_answer = {}
    for answer in answers:
        first_answer.setdefault(answer.question_id, answer)
    entries = []
    for call in calls:
        candidates = [q for q in questions if q.call_id == call.pk and q.pk in first_answer]
        for question in rng.sample(candidates, min(FAQ_PER_CALL, len(candidates))):
            answer = first_answer[question.pk]
            entries.append(
                FAQEntry(
                    question_id=question.pk,
                    call_id=call.pk,
                    section=rng.choice(sections[call.pk]) if sections[call.pk] else None,
                    official_answer_id=answer.pk,
                    title=question.title,
                    answer_text=answer.text,
                    published_at=now,
                )
            )
    entries = FAQEntry.objects.bulk_create(entries, batch_size=BATCH)
    FAQRevision.objects.bulk_create(
        [
            FAQRevision(
                entry=entry,
                number=1,
                title=entry.title,
                answer_text=entry.answer_text,
            )
            for entry in entries
        ],
        batch_size=BATCH,
    )
    Answer.objects.filter(pk__in=[entry.official_answer_id for entry in entries]).update(
        is_official=True
    )
    Question.objects.filter(pk__in=[entry.question_id for entry in entries]).update(
        status=QuestionStatus.FAQ
    )
    context.counts["questions"] = len(questions)
    context.counts["answers"] = len(answers)
    context.counts["faq_entries"] = len(entries)
