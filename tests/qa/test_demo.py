"""Demo questions: about 40, varied, some in the FAQ, one flagged; idempotent."""

from __future__ import annotations

import io

import pytest

from ikone.accounts import demo as accounts_demo
from ikone.calls.demo import EXAMPLE_AMENDED_NUMBERS, seed_demo_calls
from ikone.municipalities.models import Level
from ikone.qa.demo import EXAMPLE_AMENDED_NUMBERS as QA_AMENDED
from ikone.qa.demo import seed_demo_questions
from ikone.qa.models import Answer, FAQEntry, FAQRevision, Question, QuestionStatus
from tests.accounts.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    for organization in accounts_demo.demo_organizations():
        level = {5: Level.DISTRICT, 9: Level.ASSOCIATION}.get(
            len(organization.ags), Level.MUNICIPALITY
        )
        MunicipalityFactory(ags=organization.ags, name=organization.name, level=level)
    accounts_demo.seed_demo_accounts()
    seed_demo_calls()
    out = io.StringIO()
    seed_demo_questions(stdout=out)
    return out.getvalue()


def test_demo_questions(seeded):
    assert "0 übersprungen" in seeded
    assert 35 <= Question.objects.count() <= 45
    slugs = set(Question.objects.values_list("call__slug", flat=True))
    assert slugs == {"mpsc-2021", "beispielaufruf-smarte-region"}
    assert set(Question.objects.values_list("visibility", flat=True)) == {
        "public",
        "network",
        "mentors",
    }
    assert Question.objects.values("organization").distinct().count() == 6
    assert Question.objects.filter(status=QuestionStatus.OPEN).count() >= 5
    assert FAQEntry.objects.filter(is_published=True).count() >= 10
    assert FAQRevision.objects.count() == FAQEntry.objects.count()
    assert Answer.objects.filter(is_official=True).count() == FAQEntry.objects.count()
    assert Answer.objects.filter(author__is_mentor=True).exists()
    for question in Question.objects.exclude(first_answer_at=None):
        assert question.first_answer_at > question.created_at
    # One removal request still waits for the coordination (its notification).
    assert Question.objects.filter(
        removal_requested_at__isnull=False, hidden_at__isnull=True
    ).exists()


def test_one_answer_flagged_after_the_amendment(seeded):
    assert tuple(EXAMPLE_AMENDED_NUMBERS) == QA_AMENDED
    flagged = Answer.objects.get(needs_review=True)
    assert flagged.question.call.slug == "beispielaufruf-smarte-region"
    assert flagged.review_numbers == ["5.2"]
    assert {s.version.number for s in flagged.cited_sections.all()} == {1}
    assert FAQEntry.objects.filter(needs_review=True).count() == 1


def test_demo_is_idempotent(seeded):
    counts = (Question.objects.count(), Answer.objects.count(), FAQRevision.objects.count())
    out = io.StringIO()
    seed_demo_questions(stdout=out)
    assert "0 angelegt" in out.getvalue()
    assert counts == (
        Question.objects.count(),
        Answer.objects.count(),
        FAQRevision.objects.count(),
    )
