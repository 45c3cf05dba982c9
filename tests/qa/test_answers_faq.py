"""Answers, the official interpretation, FAQ publication with history,
optimistic locking."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.qa import services
from ikone.qa.exceptions import EditConflictError, NoOfficialAnswerError
from ikone.qa.models import Answer, FAQEntry, QuestionStatus, Visibility
from tests.core.helpers import sign_in


@pytest.fixture
def question(call, organization, staff_member):
    return services.question_create(
        actor=Actor(user=staff_member),
        call=call.call,
        title="Zählen Personalkosten zum Eigenanteil?",
        text="Original-Erläuterung aus Astadt",
        visibility=Visibility.PUBLIC,
        sections=[call.sections["3.2"]],
    )


def _client(user):
    client = Client()
    sign_in(client, user)
    return client


def test_answer_is_sanitised_and_marks_question_answered(question, mentor, call):
    answer = services.answer_create(
        actor=Actor(user=mentor),
        question=question,
        text='<p onclick="x()">Ja.<script>alert(1)</script></p><a href="javascript:x">l</a>',
        sections=[call.sections["3.1"]],
    )
    assert "script" not in answer.text
    assert "onclick" not in answer.text
    assert "javascript" not in answer.text
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    assert question.first_answer_at is not None


def test_plain_text_answers_become_paragraphs(question, mentor):
    answer = services.answer_create(
        actor=Actor(user=mentor), question=question, text="Erster Absatz.\n\n- eins\n- zwei"
    )
    assert answer.text == "<p>Erster Absatz.</p><ul><li>eins</li><li>zwei</li></ul>"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("staff_a", True),
        ("staff_b", True),
        ("contact_a", True),
        ("mentor", True),
        ("coordinator", True),
        ("admin", True),
    ],
)
def test_who_may_answer_a_public_question(role, allowed, question, user_for_role):
    answer = services.answer_create(
        actor=Actor(user=user_for_role(role)), question=question, text="Antwort"
    )
    assert answer.pk


def test_person_without_organisation_may_not_answer(question, person):
    with pytest.raises(PermissionDenied):
        services.answer_create(actor=Actor(user=person), question=question, text="Antwort")


def test_answer_through_the_page_keeps_text_on_error(question, mentor):
    client = _client(mentor)
    response = client.post(
        reverse("qa:answer", kwargs={"pk": question.pk}),
        {"text": "", "sections": ["999999"]},
    )
    assert response.status_code == 400
    response = client.post(reverse("qa:answer", kwargs={"pk": question.pk}), {"text": "Klar."})
    assert response.status_code == 302
    assert Answer.objects.get().author == mentor


def test_answer_edit_with_optimistic_locking(question, mentor, coordinator):
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="Eins")
    services.answer_update(
        actor=Actor(user=coordinator), answer=answer, text="Zwei", sections=[], based_on=1
    )
    with pytest.raises(EditConflictError) as conflict:
        services.answer_update(
            actor=Actor(user=mentor), answer=answer, text="Drei", sections=[], based_on=1
        )
    assert conflict.value.current.text == "<p>Zwei</p>"
    client = _client(mentor)
    url = reverse("qa:answer_edit", kwargs={"pk": answer.pk})
    response = client.post(url, {"text": "Meine Fassung", "version": 1})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Meine Fassung" in content
    assert "Zwei" in content
    assert 'name="version" value="2"' in content
    assert client.post(url, {"text": "Meine Fassung", "version": 2}).status_code == 302
    answer.refresh_from_db()
    assert answer.text == "<p>Meine Fassung</p>"
    assert answer.version == 3


def test_only_author_and_coordinators_edit(question, mentor, other_staff):
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="Eins")
    with pytest.raises(PermissionDenied):
        services.answer_update(
            actor=Actor(user=other_staff), answer=answer, text="X", sections=[], based_on=1
        )


def test_one_official_answer(question, mentor, coordinator, staff_member):
    first = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
    second = services.answer_create(actor=Actor(user=staff_member), question=question, text="B")
    with pytest.raises(PermissionDenied):
        services.answer_mark_official(actor=Actor(user=mentor), answer=first)
    services.answer_mark_official(actor=Actor(user=coordinator), answer=first)
    services.answer_mark_official(actor=Actor(user=coordinator), answer=second)
    assert list(Answer.objects.filter(is_official=True)) == [second]
    assert AuditEntry.objects.filter(action="qa.answer.marked_official").count() == 2


def test_publish_needs_an_official_answer(question, coordinator):
    with pytest.raises(NoOfficialAnswerError):
        services.faq_publish(
            actor=Actor(user=coordinator),
            question=question,
            title="T",
            question_text="",
            answer_text="A",
            section=None,
        )


def test_faq_publication_keeps_the_original_and_a_history(
    question, mentor, coordinator, call, django_assert_max_num_queries
):
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="Roh")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    client = _client(coordinator)
    url = reverse("qa:faq_publish", kwargs={"pk": question.pk})
    assert "Original-Erläuterung aus Astadt" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Zählen Personalkosten zum Eigenanteil?",
            "question_text": "Eine Kommune plant eine Projektstelle.",
            "answer_text": "Geglättete Antwort.",
            "section": call.sections["3.2"].pk,
            "note": "erste Fassung",
        },
    )
    assert response.status_code == 302
    entry = FAQEntry.objects.get()
    question.refresh_from_db()
    answer.refresh_from_db()
    assert question.status == QuestionStatus.FAQ
    assert question.text == "Original-Erläuterung aus Astadt"
    assert answer.text == "<p>Roh</p>"
    assert entry.answer_text == "<p>Geglättete Antwort.</p>"
    response = client.post(
        url,
        {
            "title": "Zählen Personalkosten zum Eigenanteil?",
            "question_text": "",
            "answer_text": "Zweite Fassung.",
            "section": call.sections["3.2"].pk,
            "version": entry.version,
            "note": "präzisiert",
        },
    )
    assert response.status_code == 302
    assert [r.answer_text for r in entry.revisions.order_by("number")] == [
        "<p>Geglättete Antwort.</p>",
        "<p>Zweite Fassung.</p>",
    ]
    stale = client.post(
        url,
        {"title": "Alt", "answer_text": "Veraltet", "version": 1, "section": ""},
    )
    assert stale.status_code == 400
    assert "Veraltet" in stale.content.decode()
    faq_url = reverse("calls:faq", kwargs={"slug": call.slug})
    anonymous = Client()
    with django_assert_max_num_queries(6):
        page = anonymous.get(faq_url)
    content = page.content.decode()
    assert "Zweite Fassung." in content
    assert "Geglättete Antwort." not in content
    assert "3.2 Eigenanteil" in content
    history = client.get(question.get_absolute_url()).content.decode()
    assert "Geglättete Antwort." in history
    assert "präzisiert" in history


def test_faq_groups_by_section_in_number_order(call, mentor, coordinator, staff_member):
    for title, number in (("Zu drei", "3.2"), ("Ohne", None), ("Zu eins", "1")):
        question = services.question_create(
            actor=Actor(user=staff_member), call=call.call, title=title, text="T"
        )
        answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
        services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
        services.faq_publish(
            actor=Actor(user=coordinator),
            question=question,
            title=title,
            question_text="",
            answer_text="A",
            section=call.sections[number] if number else None,
        )
    content = Client().get(reverse("calls:faq", kwargs={"slug": call.slug})).content.decode()
    assert content.index("Zu eins") < content.index("Zu drei") < content.index("Ohne")
    assert "Allgemeine Fragen" in content


def test_unpublish_keeps_history(question, mentor, coordinator):
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    entry = services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="T",
        question_text="",
        answer_text="A",
        section=None,
    )
    services.faq_entry_unpublish(actor=Actor(user=coordinator), entry=entry)
    entry.refresh_from_db()
    question.refresh_from_db()
    assert not entry.is_published
    assert question.status == QuestionStatus.ANSWERED
    assert entry.revisions.count() == 1
    again = services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="T2",
        question_text="",
        answer_text="B",
        section=None,
    )
    assert again.pk == entry.pk
    assert again.revisions.count() == 2


def test_restricted_questions_link_from_faq_only_for_those_who_see_them(
    call, staff_member, mentor, coordinator
):
    question = services.question_create(
        actor=Actor(user=staff_member),
        call=call.call,
        title="Interne Frage",
        text="T",
        visibility=Visibility.MENTORS,
    )
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="Veröffentlichte Fassung",
        question_text="",
        answer_text="A",
        section=None,
    )
    url = reverse("calls:faq", kwargs={"slug": call.slug})
    content = Client().get(url).content.decode()
    assert "Veröffentlichte Fassung" in content
    assert f"/fragen/{question.pk}/" not in content
    assert f"/fragen/{question.pk}/" in _client(mentor).get(url).content.decode()
