"""The asker's control over their question and the coordinators' moderation
(issue 11.8): edit or withdraw while unanswered, ask for removal after;
coordinators hide a question with a reason, and it disappears from every
surface but theirs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.core.models import AuditEntry
from ikone.core.search.models import SearchDocument
from ikone.qa.models import Question
from tests.core.helpers import sign_in
from tests.qa.factories import AnswerFactory, QuestionFactory


@pytest.fixture
def question(call, organization, staff_member):
    return QuestionFactory(
        call=call.call,
        author=staff_member,
        organization=organization,
        title="Zählt die Projektstelle zum Eigenanteil?",
        text="Unsere Erläuterung",
    )


def _url(name, question):
    return reverse(name, kwargs={"pk": question.pk})


def test_the_asker_edits_an_unanswered_question(client, question, staff_member):
    sign_in(client, staff_member)
    page = client.get(_url("qa:question_edit", question)).content.decode()
    assert "Unsere Erläuterung" in page
    response = client.post(
        _url("qa:question_edit", question),
        {"title": "Zählt die Stelle zum Eigenanteil?", "text": "Neu", "version": "1"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.title, question.text, question.version) == (
        "Zählt die Stelle zum Eigenanteil?",
        "Neu",
        2,
    )
    entry = AuditEntry.objects.get(action="qa.question.edited")
    assert entry.data == {"fields": ["title", "text"]}  # names, never the texts
    stale = client.post(
        _url("qa:question_edit", question), {"title": "Alt", "text": "Alt", "version": "1"}
    )
    assert stale.status_code == 409
    assert 'value="Alt"' in stale.content.decode()  # the form keeps the input


def test_bad_input_keeps_the_form(client, question, staff_member):
    sign_in(client, staff_member)
    response = client.post(
        _url("qa:question_edit", question), {"title": "", "text": "Neu", "version": "1"}
    )
    assert response.status_code == 400
    assert "Neu" in response.content.decode()


def test_the_asker_withdraws_an_unanswered_question(client, question, staff_member):
    sign_in(client, staff_member)
    assert client.get(_url("qa:question_withdraw", question)).status_code == 200
    assert client.post(_url("qa:question_withdraw", question)).status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()
    assert AuditEntry.objects.filter(action="qa.question.withdrawn").exists()


def test_after_an_answer_the_asker_asks_for_removal(
    client, question, staff_member, contact_person, mentor
):
    AnswerFactory(question=question, author=mentor)
    sign_in(client, staff_member)
    assert client.get(_url("qa:question_edit", question)).status_code == 403
    assert client.post(_url("qa:question_withdraw", question)).status_code == 403
    assert client.post(_url("qa:question_request_removal", question)).status_code == 302
    question.refresh_from_db()
    assert question.removal_requested_at is not None
    assert AuditEntry.objects.filter(action="qa.question.removal_requested").count() == 1
    # Only the asker asks, not a colleague of the organisation.
    sign_in(client, contact_person)
    assert client.post(_url("qa:question_request_removal", question)).status_code == 403


def test_a_colleague_may_not_edit_the_question(client, question, contact_person):
    sign_in(client, contact_person)
    assert client.get(_url("qa:question_edit", question)).status_code == 403


def test_a_hidden_question_disappears_everywhere_but_for_coordinators(
    client, question, staff_member, coordinator, mentor, django_capture_on_commit_callbacks
):
    AnswerFactory(question=question, author=mentor)
    with django_capture_on_commit_callbacks(execute=True):
        question.save()  # indexed
    assert SearchDocument.objects.filter(kind="question", object_id=str(question.pk)).exists()

    sign_in(client, coordinator)
    refused = client.post(_url("qa:question_hide", question), {"reason": ""})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("qa:question_hide", question), {"reason": "Enthält Namen"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.hidden_at and question.hidden_by == coordinator
    assert question.hidden_reason == "Enthält Namen"
    entry = AuditEntry.objects.get(action="qa.question.hidden")
    assert "Enthält Namen" not in str(entry.data)
    assert "Enthält Namen" in client.get(_url("qa:detail", question)).content.decode()
    assert question.title in client.get(reverse("qa:list")).content.decode()

    # Gone from search and suggestions for everyone.
    assert not SearchDocument.objects.filter(kind="question", object_id=str(question.pk)).exists()
    for who in (None, staff_member, mentor):
        client.logout()
        if who is not None:
            sign_in(client, who)
        assert client.get(_url("qa:detail", question)).status_code == 404
        assert question.title not in client.get(reverse("qa:list")).content.decode()

    sign_in(client, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url("qa:question_unhide", question)).status_code == 302
    sign_in(client, staff_member)
    assert client.get(_url("qa:detail", question)).status_code == 200
    assert SearchDocument.objects.filter(kind="question", object_id=str(question.pk)).exists()


def test_only_coordinators_hide(client, question, staff_member, mentor):
    for who in (staff_member, mentor):
        sign_in(client, who)
        response = client.post(_url("qa:question_hide", question), {"reason": "x"})
        assert response.status_code == 403
    question.refresh_from_db()
    assert question.hidden_at is None
