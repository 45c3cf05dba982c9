"""Open questions and median time to a first answer, with known data."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ikone.qa.models import Question, QuestionStatus
from ikone.qa.stats import format_duration, question_figures
from tests.core.helpers import sign_in
from tests.qa.factories import QuestionFactory, make_call


def _asked(call, hours_to_answer):
    created = timezone.now() - timedelta(days=30)
    question = QuestionFactory(call=call)
    status = QuestionStatus.OPEN if hours_to_answer is None else QuestionStatus.ANSWERED
    first = None if hours_to_answer is None else created + timedelta(hours=hours_to_answer)
    Question.objects.filter(pk=question.pk).update(
        created_at=created,
        first_answer_at=first,
        first_answer_seconds=None if first is None else hours_to_answer * 3600,
        status=status,
    )


def test_figures_with_known_data(call):
    other = make_call(slug="beispiel", title="Beispielaufruf").call
    for hours in (1, 3, 10, None):  # median of 1, 3, 10 = 3
        _asked(call.call, hours)
    for hours in (2, 4, None, None):  # median of 2, 4 = 3 (mean of the middle two)
        _asked(other, hours)
    overall, per_call = question_figures()
    assert overall.questions == 8
    assert overall.open == 3
    assert overall.answered == 5
    assert overall.median_first_answer == timedelta(hours=3)  # 1, 2, 3, 4, 10
    by_slug = {row.call.slug: row for row in per_call}
    assert by_slug[call.slug].median_first_answer == timedelta(hours=3)
    assert by_slug[call.slug].open == 1
    assert by_slug["beispiel"].median_first_answer == timedelta(hours=3)
    assert by_slug["beispiel"].open == 2


def test_figures_are_computed_once_per_change(call, django_assert_num_queries):
    _asked(call.call, 2)
    assert question_figures()[0].questions == 1
    with django_assert_num_queries(0):
        overall, per_call = question_figures()
    assert (overall.questions, per_call[0].call.title) == (1, call.title)
    _asked(call.call, None)
    overall, per_call = question_figures()
    assert (overall.questions, overall.open, per_call[0].open) == (2, 1, 1)


def test_figures_page_budget(call, coordinator, django_assert_max_num_queries):
    for number in range(4):
        _asked(make_call(slug=f"aufruf-{number}", title=f"Aufruf {number}").call, 5)
    client = Client()
    sign_in(client, coordinator)
    client.get(reverse("qa:figures"))
    # Session, person, second factor, memberships; the figures come from the
    # memo (before: 4 + 1 per call).
    with django_assert_max_num_queries(4):
        content = client.get(reverse("qa:figures")).content.decode()
    assert all(f"Aufruf {number}" in content for number in range(4))


def test_no_answers_no_median(call):
    _asked(call.call, None)
    overall, _per_call = question_figures()
    assert overall.median_first_answer is None


def test_format_duration():
    assert format_duration(timedelta(days=2, hours=3)) == "2 Tage 3 Std."
    assert format_duration(timedelta(hours=5, minutes=7)) == "5 Std. 7 Min."
    assert format_duration(None) == ""


def test_figures_page_for_coordinators_only(call, coordinator, mentor):
    _asked(call.call, 26)
    client = Client()
    sign_in(client, mentor)
    assert client.get(reverse("qa:figures")).status_code == 403
    sign_in(client, coordinator)
    content = client.get(reverse("qa:figures")).content.decode()
    assert "1 Tag 2 Std." in content
    assert call.title in content
