"""The index follows the services of other apps, also where they change rows
with QuerySet.update() (no model signal, but an audit entry)."""

from __future__ import annotations

import pytest

from ikone.core.audit import Actor
from ikone.core.search.models import SearchDocument
from ikone.qa.models import QuestionStatus
from ikone.qa.services.answers import answer_mark_official
from ikone.qa.services.faq import faq_entry_unpublish, faq_publish
from tests.qa.factories import AnswerFactory, QuestionFactory, make_call

pytestmark = pytest.mark.django_db


def kinds_and_suggestible():
    return {
        (doc.kind, doc.suggestible)
        for doc in SearchDocument.objects.filter(kind__in=["question", "faq"])
    }


def test_publishing_and_withdrawing_a_faq_entry(coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call = make_call(slug="aufruf", title="Aufruf").call
        question = QuestionFactory(call=call, status=QuestionStatus.ANSWERED)
        answer = AnswerFactory(question=question)
    assert kinds_and_suggestible() == {("question", True)}

    actor = Actor(user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        answer_mark_official(actor=actor, answer=answer)
        entry = faq_publish(
            actor=actor,
            question=question,
            title="Zählt eine neue Stelle zum Eigenanteil?",
            question_text="",
            answer_text="<p>Ja.</p>",
            section=None,
        )
    # The FAQ entry is suggested instead of its question.
    assert kinds_and_suggestible() == {("question", False), ("faq", True)}

    with django_capture_on_commit_callbacks(execute=True):
        faq_entry_unpublish(actor=actor, entry=entry)
    assert kinds_and_suggestible() == {("question", True)}
