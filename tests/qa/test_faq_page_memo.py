"""The FAQ page's sections and JSON-LD are a memo (qa/faq_page.py): the
second visit reads less, each change to what the page shows appears on the
next visit, and viewers who may see different questions (or the review
flag) get their own page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.calls.models import CallSection
from ikone.core.audit import Actor
from ikone.qa import services
from ikone.qa.models import FAQEntry, Question, Visibility
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(call, staff_member, mentor, coordinator, organization) -> FAQEntry:
    question = services.question_create(
        actor=Actor(user=staff_member),
        call=call.call,
        title="Gilt der Eigenanteil?",
        text="T",
        organization=organization,
    )
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    return services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="Gilt der Eigenanteil?",
        question_text="",
        answer_text="<p>Ja.</p>",
        section=call.sections["1"],
    )


def _url(call) -> str:
    return reverse("calls:faq", kwargs={"slug": call.slug})


def _page(client, call) -> str:
    response = client.get(_url(call))
    assert response.status_code == 200
    return response.content.decode()


def test_the_second_visit_reads_less(client, call, entry, staff_member):
    sign_in(client, staff_member)
    with CaptureQueriesContext(connection) as first:
        assert "Gilt der Eigenanteil?" in _page(client, call)
    with CaptureQueriesContext(connection) as second:
        assert "Gilt der Eigenanteil?" in _page(client, call)
    assert len(second) < len(first)


def test_each_change_appears_on_the_next_visit(client, call, entry, staff_member):
    sign_in(client, staff_member)
    question_link = reverse("qa:detail", args=[entry.question_id])
    assert question_link in _page(client, call)

    FAQEntry.objects.filter(pk=entry.pk).update(title="Neuer Titel", answer_text="<p>Nein.</p>")
    content = _page(client, call)
    assert "Neuer Titel" in content and "Nein." in content

    CallSection.objects.filter(pk=entry.section_id).update(title="Neuer Abschnitt")
    assert "Neuer Abschnitt" in _page(client, call)

    # Hidden by the moderation: no longer linked for the asking person.
    Question.objects.filter(pk=entry.question_id).update(hidden_at="2026-01-01T00:00:00Z")
    assert question_link not in _page(client, call)

    FAQEntry.objects.filter(pk=entry.pk).update(is_published=False)
    assert "Neuer Titel" not in _page(client, call)


def test_viewers_get_their_own_page(client, call, entry, staff_member, other_staff, coordinator):
    Question.objects.filter(pk=entry.question_id).update(visibility=Visibility.MENTORS)
    FAQEntry.objects.filter(pk=entry.pk).update(needs_review=True)
    question_link = reverse("qa:detail", args=[entry.question_id])

    sign_in(client, staff_member)
    content = _page(client, call)
    assert question_link in content  # the asking organisation sees its question
    assert "Auslegung prüfen" not in content

    client.logout()
    sign_in(client, other_staff)
    content = _page(client, call)
    assert "Gilt der Eigenanteil?" in content
    assert question_link not in content

    client.logout()
    sign_in(client, coordinator)
    content = _page(client, call)
    assert question_link in content
    assert "Auslegung prüfen" in content

    client.logout()
    content = _page(client, call)
    assert question_link not in content and "Auslegung prüfen" not in content
