"""The content of /bewerbungen/auswertung/ is a memo (views.drafts.figures),
the same for everyone allowed to see it: the second visit reads less, each
table it shows changes it on the next visit (the anonymising included),
and the right to see it is checked before the memo on every visit."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Organization
from ikone.applications.models import Draft, DraftStatus
from ikone.applications.services.drafts import draft_record_lessons, draft_transition
from ikone.calls.models import Call
from ikone.core.audit import Actor
from ikone.municipalities.models import Municipality
from tests.applications.core_fixtures import *  # noqa: F403

URL = reverse("applications:figures")
LESSON = "Die Stadt Astadt hat den Ratsbeschluss in Neustadt zu spät eingeholt."


def _visit(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client) -> str:
    return _visit(client)[0]


@pytest.fixture
def lesson(workshop_draft, staff_member) -> Draft:
    submitted = draft_transition(
        draft=workshop_draft,
        action="submit",
        submitted_on="2099-12-01",
        actor=Actor(user=staff_member),
    )
    return draft_record_lessons(
        draft=submitted, lessons=LESSON, feedback="", actor=Actor(user=staff_member)
    )


def test_the_second_visit_reads_less(lesson, coordinator, as_user):
    client = as_user(coordinator)
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)
    assert "Ratsbeschluss" in second and "Astadt" not in second
    assert second_queries < first_queries


def test_each_table_of_the_figures_outdates_it(lesson, workshop_draft_b, coordinator, as_user):
    client = as_user(coordinator)
    content = _page(client)
    assert ">1<" in content and "Neustadt" in content

    Draft.objects.filter(pk=workshop_draft_b.pk).update(status=DraftStatus.SUBMITTED)
    assert ">2<" in _page(client)
    Draft.objects.filter(pk=lesson.pk).update(lessons_learned="Früh den Bauhof fragen.")
    assert "Früh den Bauhof fragen." in _page(client)
    Draft.objects.filter(pk=lesson.pk).update(lessons_learned=LESSON)
    Call.objects.filter(pk=lesson.call_id).update(title="Neuer Aufruf")
    assert "Neuer Aufruf" in _page(client)
    # The organisation's and its municipality's names are blanked out.
    Organization.objects.filter(pk=lesson.organization_id).update(name="Neustadt")
    assert "Neustadt" not in _page(client)
    Organization.objects.filter(pk=lesson.organization_id).update(name="Stadt Astadt")
    assert "Neustadt" in _page(client)
    municipality = Organization.objects.get(pk=lesson.organization_id).municipality_id
    Municipality.objects.filter(pk=municipality).update(name="Neustadt, Stadt")
    assert "Neustadt" not in _page(client)


@pytest.mark.parametrize("first", ["coordinator", "staff_member"])
def test_the_right_is_checked_before_the_memo(lesson, coordinator, staff_member, as_user, first):
    people = {"coordinator": coordinator, "staff_member": staff_member}
    for name in [first, *(name for name in people if name != first)]:
        response = as_user(people[name]).get(URL)
        if name == "coordinator":
            assert response.status_code == 200 and "Ratsbeschluss" in response.content.decode()
        else:
            assert response.status_code == 403
            assert "Ratsbeschluss" not in response.content.decode()
