"""The question page reads the question, its answers and related rows from a
memo per question (`selectors.question_page_for_view`, issue 15): every
change to what the page shows must show on the next visit, and what differs
per person (visibility, following, the coordinators' panel) never comes
from the memo of another person's visit."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from ikone.accounts.models import Organization, User
from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.qa import services
from ikone.qa.models import Answer, Question, QuestionFollow, Visibility
from tests.core.helpers import sign_in
from tests.qa.factories import AnswerFactory, QuestionFactory, amend


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def _page(client: Client, question: Question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_each_change_shows_on_the_next_visit(
    call, organization, staff_member, mentor, coordinator
):
    question = QuestionFactory(
        call=call.call, organization=organization, author=staff_member, show_organization=True
    )
    answer = AnswerFactory(
        question=question, author=mentor, organization=organization, text="<p>Erste Fassung</p>"
    )
    client = _client(staff_member)
    visitor = _client()
    assert "Erste Fassung" in _page(client, question)
    assert "Erste Fassung" in _page(visitor, question)

    changes = [
        (
            "Neuer Titel der Frage",
            lambda: Question.objects.filter(pk=question.pk).update(title="Neuer Titel der Frage"),
        ),
        (
            "Geänderter Fragetext",
            lambda: Question.objects.filter(pk=question.pk).update(text="Geänderter Fragetext"),
        ),
        (
            "Zweite Fassung",
            lambda: Answer.objects.filter(pk=answer.pk).update(text="<p>Zweite Fassung</p>"),
        ),
        (
            "Eine weitere Antwort",
            lambda: AnswerFactory(
                question=question, author=coordinator, text="<p>Eine weitere Antwort</p>"
            ),
        ),
        (
            "Umbenannte Mentorin",
            lambda: User.objects.filter(pk=mentor.pk).update(name="Umbenannte Mentorin"),
        ),
        (
            "Umbenannte Kommune",
            lambda: Organization.objects.filter(pk=organization.pk).update(
                name="Umbenannte Kommune"
            ),
        ),
        ("Stützt sich auf", lambda: answer.cited_sections.add(call.sections["3.2"])),
        (
            "Zitierte Abschnitte des Aufrufs",
            lambda: question.cited_sections.add(call.sections["1"]),
        ),
        (
            "Probe-Handlungsfeld",
            lambda: question.fields_of_action.add(
                FieldOfAction.objects.create(key="probe", label="Probe-Handlungsfeld", position=9)
            ),
        ),
        (
            "Neuer Titel des Aufrufs",
            lambda: (
                type(call.call)
                .objects.filter(pk=call.call.pk)
                .update(title="Neuer Titel des Aufrufs")
            ),
        ),
    ]
    for shown, change in changes:
        assert shown not in _page(client, question)
        change()
        assert shown in _page(client, question), shown
        # Visitors see no names of people.
        if shown != "Umbenannte Mentorin":
            assert shown in _page(visitor, question), shown


@pytest.mark.django_db
def test_a_raw_write_and_a_deletion_show_too(call, organization, staff_member, mentor):
    question = QuestionFactory(call=call.call, organization=organization)
    answer = AnswerFactory(question=question, author=mentor, text="<p>Bald gelöscht</p>")
    client = _client(staff_member)
    assert "Bald gelöscht" in _page(client, question)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Question._meta.db_table} SET title = %s WHERE id = %s",  # noqa: S608
            ["Roh geschrieben", question.pk],
        )
    assert "Roh geschrieben" in _page(client, question)
    answer.delete()
    assert "Bald gelöscht" not in _page(client, question)


@pytest.mark.django_db
def test_the_sections_to_cite_follow_the_calls_current_version(call, staff_member):
    question = QuestionFactory(call=call.call)
    client = _client(staff_member)
    before = _page(client, question)
    assert f'value="{call.sections["3.2"].pk}"' in before
    version = amend(call.call, changed={})
    after = _page(client, question)
    assert f'value="{call.sections["3.2"].pk}"' not in after
    new = version.sections.get(number="3.2")
    assert f'value="{new.pk}"' in after


@pytest.mark.django_db
def test_visibility_is_checked_for_each_person(call, organization, staff_member, other_staff):
    question = QuestionFactory(
        call=call.call, organization=organization, visibility=Visibility.PUBLIC
    )
    own, other = _client(staff_member), _client(other_staff)
    assert _page(other, question)
    Question.objects.filter(pk=question.pk).update(visibility=Visibility.MENTORS)
    assert own.get(question.get_absolute_url()).status_code == 200
    assert other.get(question.get_absolute_url()).status_code == 404
    # The other way round: the memo made by the one who may see it first.
    hidden = QuestionFactory(
        call=call.call, organization=organization, visibility=Visibility.MENTORS
    )
    assert own.get(hidden.get_absolute_url()).status_code == 200
    assert other.get(hidden.get_absolute_url()).status_code == 404
    assert _client().get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_following_is_per_person(call, staff_member, other_staff):
    question = QuestionFactory(call=call.call)
    follower, other = _client(staff_member), _client(other_staff)
    assert "Nicht mehr folgen" not in _page(follower, question)
    QuestionFollow.objects.create(question=question, user=staff_member)
    assert "Nicht mehr folgen" in _page(follower, question)
    assert "Nicht mehr folgen" not in _page(other, question)
    assert "Nicht mehr folgen" in _page(follower, question)
    QuestionFollow.objects.filter(question=question).delete()
    assert "Nicht mehr folgen" not in _page(follower, question)


@pytest.mark.django_db
def test_faq_entry_and_its_revisions_show_on_the_next_visit(call, mentor, coordinator):
    question = QuestionFactory(call=call.call)
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    client, visitor = _client(coordinator), _client()
    assert "Zum FAQ-Eintrag" not in _page(client, question)
    entry = services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title="Erste FAQ-Fassung",
        question_text="",
        answer_text="A",
        section=None,
    )
    assert "Zum FAQ-Eintrag" in _page(visitor, question)
    page = _page(client, question)
    assert "Zum FAQ-Eintrag" in page and "Erste FAQ-Fassung" in page
    services.faq_entry_update(
        actor=Actor(user=coordinator),
        entry=entry,
        title="Zweite FAQ-Fassung",
        question_text="",
        answer_text="A",
        section=None,
        based_on=entry.version,
    )
    assert "Zweite FAQ-Fassung" in _page(client, question)
    # The coordinators' panel with the revisions is theirs alone.
    assert "FAQ-Fassung" not in _page(visitor, question)
    services.faq_entry_unpublish(actor=Actor(user=coordinator), entry=entry)
    assert "Zum FAQ-Eintrag" not in _page(visitor, question)
