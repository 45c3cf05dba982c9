"""The content of /bewerbungen/ is a memo (views.drafts.draft_list): the
second visit reads less, each table the list shows changes it on the next
visit, and every person (and every flag that widens the list) has a list
of their own."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Organization, User
from ikone.applications.models import Draft, DraftMentor
from ikone.calls.models import Call
from tests.accounts.factories import MembershipFactory
from tests.applications.core_fixtures import *  # noqa: F403

URL = reverse("applications:list")
FIGURES = reverse("applications:figures")


def _visit(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _page(client) -> str:
    return _visit(client)[0]


def test_the_second_visit_reads_less(workshop_draft, staff_member, as_user):
    client = as_user(staff_member)
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)
    assert "Astadt vernetzt (Beispiel)" in second
    assert second_queries < first_queries
    assert first.count("kern-table__row") == second.count("kern-table__row")


def test_each_table_of_the_list_outdates_it(
    workshop_draft, workshop_draft_b, staff_member, other_organization, as_user
):
    client = as_user(staff_member)
    assert "Astadt vernetzt (Beispiel)" in _page(client)

    Draft.objects.filter(pk=workshop_draft.pk).update(title="Neuer Entwurfstitel")
    assert "Neuer Entwurfstitel" in _page(client)
    Organization.objects.filter(pk=workshop_draft.organization_id).update(name="Stadt Neuname")
    assert "Stadt Neuname" in _page(client)
    Call.objects.filter(pk=workshop_draft.call_id).update(title="Neuer Aufruf")
    assert "Neuer Aufruf" in _page(client)
    # A new membership brings the other organisation's drafts.
    assert "Bedorf digital (Beispiel)" not in _page(client)
    MembershipFactory(organization=other_organization, user=staff_member)
    assert "Bedorf digital (Beispiel)" in _page(client)


def test_a_mentor_share_and_the_mentor_flag_change_the_list(
    workshop_draft, mentor, staff_member, as_user
):
    client = as_user(mentor)
    content = _page(client)
    assert "Astadt vernetzt (Beispiel)" not in content
    assert reverse("applications:create") not in content
    DraftMentor.objects.create(draft=workshop_draft, mentor=mentor, shared_by=staff_member)
    assert "Astadt vernetzt (Beispiel)" in _page(client)
    User.objects.filter(pk=mentor.pk).update(is_mentor=False)
    assert "Astadt vernetzt (Beispiel)" not in _page(client)


def test_the_network_share_and_the_coordinators_link(workshop_draft, coordinator, as_user):
    client = as_user(coordinator)
    content = _page(client)
    assert "Astadt vernetzt (Beispiel)" not in content
    assert FIGURES in content
    Draft.objects.filter(pk=workshop_draft.pk).update(shared_with_network=True)
    assert "Astadt vernetzt (Beispiel)" in _page(client)


@pytest.mark.parametrize("first", ["staff_member", "other_staff"])
def test_each_person_sees_their_own_list(
    workshop_draft, workshop_draft_b, staff_member, other_staff, as_user, first
):
    people = {"staff_member": staff_member, "other_staff": other_staff}
    order = [first, *(name for name in people if name != first)]
    pages = {name: _page(as_user(people[name])) for name in order}
    assert "Astadt vernetzt (Beispiel)" in pages["staff_member"]
    assert "Bedorf digital (Beispiel)" not in pages["staff_member"]
    assert "Bedorf digital (Beispiel)" in pages["other_staff"]
    assert "Astadt vernetzt (Beispiel)" not in pages["other_staff"]
    assert FIGURES not in pages["staff_member"]


def test_each_page_number_has_its_own_memo(organization, workshop_call, staff_member, as_user):
    Draft.objects.bulk_create(
        Draft(organization=organization, call=workshop_call, title=f"Entwurf {number:02}")
        for number in range(55)
    )
    client = as_user(staff_member)
    first = _page(client)
    second = client.get(URL, {"seite": "2"}).content.decode()
    assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
    assert first.count("Entwurf ") > second.count("Entwurf ")
