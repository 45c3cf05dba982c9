"""/fragen/ keeps its cards as a memo per audience, filters and page, and
its filter form as a memo per filter values (issue 15): every change shows
on the next visit, and nobody gets the cards made for a person who may see
other questions or other asking organisations, whoever visited first."""

from __future__ import annotations

import pytest
from django.db.models.functions import Now
from django.test import Client
from django.urls import reverse

from ikone.accounts.models import Organization
from ikone.calls.models import Call
from ikone.core.models import FieldOfAction
from ikone.qa.models import Question, Visibility
from tests.core.helpers import sign_in
from tests.qa.factories import AnswerFactory, QuestionFactory, make_call

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def _list(client: Client, **params) -> str:
    response = client.get(reverse("qa:list"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("own_first", [True, False])
def test_cards_are_per_audience(call, organization, staff_member, other_staff, own_first):
    QuestionFactory(
        call=call.call,
        organization=organization,
        title="Nur für Mentor:innen",
        visibility=Visibility.MENTORS,
    )
    QuestionFactory(
        call=call.call, organization=organization, title="Offen gefragt", show_organization=False
    )
    own, other, visitor = _client(staff_member), _client(other_staff), _client()
    order = [own, other, visitor] if own_first else [visitor, other, own]
    pages = {id(client): _list(client) for client in order}
    mine, theirs, anyone = pages[id(own)], pages[id(other)], pages[id(visitor)]
    assert "Nur für Mentor:innen" in mine
    assert "Nur für Mentor:innen" not in theirs
    assert "Nur für Mentor:innen" not in anyone
    # The asking organisation only for its own people.
    assert organization.name in mine
    assert organization.name not in theirs
    assert organization.name not in anyone
    assert "Offen gefragt" in theirs and "Offen gefragt" in anyone


def test_each_change_shows_on_the_next_visit(call, organization, staff_member):
    question = QuestionFactory(call=call.call, organization=organization, show_organization=True)
    client, visitor = _client(staff_member), _client()
    assert "0 Antworten" in _list(client)
    changes = [
        ("1 Antwort<", lambda: AnswerFactory(question=question)),
        (
            "Neuer Titel",
            lambda: Question.objects.filter(pk=question.pk).update(title="Neuer Titel"),
        ),
        (
            "Umbenannte Kommune",
            lambda: Organization.objects.filter(pk=organization.pk).update(
                name="Umbenannte Kommune"
            ),
        ),
        (
            "Neuer Aufrufname",
            lambda: Call.objects.filter(pk=call.call.pk).update(title="Neuer Aufrufname"),
        ),
        ("Ganz neue Frage", lambda: QuestionFactory(call=call.call, title="Ganz neue Frage")),
    ]
    for shown, change in changes:
        assert shown not in _list(client)
        change()
        assert shown in _list(client), shown
        assert shown in _list(visitor), shown
    Question.objects.filter(pk=question.pk).update(hidden_at=Now(), hidden_reason="Test")
    assert "Neuer Titel" not in _list(client)
    assert "Neuer Titel" not in _list(visitor)


def test_the_filter_form_shows_new_choices(call, staff_member):
    client = _client(staff_member)
    assert "Beispielaufruf" not in _list(client)
    other = make_call(slug="beispiel", title="Beispielaufruf")
    assert "Beispielaufruf" in _list(client)
    assert "Probe-Handlungsfeld" not in _list(client, call=other.slug)
    FieldOfAction.objects.create(key="probe", label="Probe-Handlungsfeld", position=99)
    assert "Probe-Handlungsfeld" in _list(client, call=other.slug)
    # The sections of the chosen call; none without one.
    chosen = _list(client, call=call.slug)
    assert f'value="{call.sections["3.2"].number}"' in chosen
    assert "Wählen Sie zuerst einen Förderaufruf." in _list(client)


def test_filters_and_pages_are_told_apart(call):
    for number in range(30):
        QuestionFactory(call=call.call, title=f"Frage Nummer {number:02d}")
    other = make_call(slug="beispiel", title="Beispielaufruf")
    QuestionFactory(call=other.call, title="Frage zum Beispielaufruf")
    client = _client()
    first, second = _list(client), _list(client, seite=2)
    assert "Frage zum Beispielaufruf" in first
    assert "Frage Nummer 00" in second and "Frage Nummer 00" not in first
    filtered = _list(client, call=other.slug)
    assert "Frage zum Beispielaufruf" in filtered and "Frage Nummer" not in filtered
    assert "Nummer 29" in _list(client, call=call.slug)
    # An unknown value: the form says so, and the list is not filtered.
    unknown = _list(client, call="gibt-es-nicht")
    assert "kern-error" in unknown and "Frage Nummer 29" in unknown
