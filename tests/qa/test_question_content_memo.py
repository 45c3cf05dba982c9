"""The content of the question page below the layout is a memo per question
and viewer (views.questions.question_detail, issue 15): the second visit
reads less, the CSRF token stays per request, each person's flags (answer
form, the coordinators' hiding form, own question, the organisation) are
their own, and a new membership changes the page at once. The tables the
page reads are covered in test_question_page_memo.py."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ikone.accounts.models import Membership
from ikone.qa.models import Question, Visibility
from tests.accounts.factories import MembershipFactory
from tests.core.helpers import sign_in
from tests.qa.factories import QuestionFactory

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
HIDE = "Frage ausblenden"
ASKED_BY = "gefragt von Stadt Astadt"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def _visit(client: Client, question: Question) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client: Client, question: Question) -> str:
    return _visit(client, question)[0]


@pytest.mark.django_db
def test_the_second_visit_reads_less_with_its_own_token(call, coordinator):
    question = QuestionFactory(call=call.call)
    client = _client(coordinator)
    first, first_queries = _visit(client, question)
    second, second_queries = _visit(client, question)
    assert second_queries < first_queries
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)
    tokens = TOKEN.findall(first), TOKEN.findall(second)
    assert all(found and all(len(token) == 64 for token in found) for found in tokens)
    assert set(tokens[0]).isdisjoint(tokens[1])
    assert not re.search(r"csrf[0-9a-f]{32}", second)


@pytest.mark.django_db
@pytest.mark.parametrize("first", ["coordinator", "staff_member", "other_staff", "visitor"])
def test_each_viewer_gets_their_own_content(
    call, organization, staff_member, other_staff, coordinator, first
):
    question = QuestionFactory(
        call=call.call,
        organization=organization,
        author=staff_member,
        show_organization=False,
        visibility=Visibility.PUBLIC,
    )
    people = {
        "coordinator": coordinator,
        "staff_member": staff_member,
        "other_staff": other_staff,
        "visitor": None,
    }
    pages = {}
    for name in [first, *(name for name in people if name != first)]:
        pages[name] = _page(_client(people[name]), question)
    assert HIDE in pages["coordinator"]
    assert all(HIDE not in pages[name] for name in ("staff_member", "other_staff", "visitor"))
    # The asker edits their own unanswered question; nobody else does.
    edit = f"{question.get_absolute_url()}bearbeiten/"
    assert edit in pages["staff_member"]
    assert edit not in pages["other_staff"] and edit not in pages["visitor"]
    # The organisation is named to its own people and coordinators only.
    assert ASKED_BY in pages["staff_member"] and ASKED_BY in pages["coordinator"]
    assert ASKED_BY not in pages["other_staff"] and ASKED_BY not in pages["visitor"]
    assert "Melden Sie sich an" in pages["visitor"]
    assert "Melden Sie sich an" not in pages["other_staff"]


@pytest.mark.django_db
def test_a_membership_changes_the_page_at_once(call, organization, other_staff):
    question = QuestionFactory(call=call.call, organization=organization, show_organization=False)
    client = _client(other_staff)
    assert ASKED_BY not in _page(client, question)
    MembershipFactory(organization=organization, user=other_staff)
    assert ASKED_BY in _page(client, question)
    Membership.objects.filter(user=other_staff, organization=organization).delete()
    assert ASKED_BY not in _page(client, question)
