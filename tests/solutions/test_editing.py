"""Proposing and editing profiles: sanitising, permissions, no lost update."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.solutions.exceptions import EditConflict
from ikone.solutions.models import ReviewState, Solution
from ikone.solutions.services.solutions import ProfileData, solution_create, solution_update
from tests.core.helpers import sign_in


@pytest.fixture
def mobility(db):
    return FieldOfAction.objects.get(key="mobility")


def test_staff_propose_for_their_organisation_only(organization, other_organization, staff_member):
    data = ProfileData(title="Bürgerbus", summary="Kurz", organizations=[organization])
    solution = solution_create(data=data, actor=Actor(user=staff_member))
    assert solution.review_state == ReviewState.DRAFT
    assert solution.slug == "burgerbus"
    with pytest.raises(PermissionDenied):
        solution_create(
            data=ProfileData(title="X", summary="Y", organizations=[other_organization]),
            actor=Actor(user=staff_member),
        )


def test_rich_text_is_sanitised(organization, staff_member):
    data = ProfileData(
        title="Sensoren",
        summary="Kurz",
        organizations=[organization],
        values={"description": '<p>Gut</p><script>alert(1)</script><a href="javascript:x">x</a>'},
    )
    solution = solution_create(data=data, actor=Actor(user=staff_member))
    assert "<script>" not in solution.description
    assert "javascript:" not in solution.description
    assert "<p>Gut</p>" in solution.description


def test_a_save_based_on_an_old_version_is_refused(organization, staff_member, contact_person):
    solution = solution_create(
        data=ProfileData(title="A", summary="B", organizations=[organization]),
        actor=Actor(user=staff_member),
    )
    first = ProfileData(title="A1", summary="B", organizations=[organization])
    solution_update(solution=solution, data=first, based_on=1, actor=Actor(user=contact_person))
    second = ProfileData(title="A2", summary="B", organizations=[organization])
    with pytest.raises(EditConflict):
        solution_update(solution=solution, data=second, based_on=1, actor=Actor(user=staff_member))
    assert Solution.objects.get().title == "A1"


def test_the_edit_page_keeps_the_input_on_conflict(client, organization, staff_member, mobility):
    solution = solution_create(
        data=ProfileData(title="Alt", summary="B", organizations=[organization]),
        actor=Actor(user=staff_member),
    )
    Solution.objects.filter(pk=solution.pk).update(version=5)
    sign_in(client, staff_member)
    response = client.post(
        reverse("solutions:edit", args=[solution.slug]),
        {
            "title": "Meine neue Fassung",
            "summary": "B",
            "organizations": [organization.pk],
            "fields_of_action": [mobility.pk],
            "status": "pilot",
            "version": 1,
        },
    )
    assert response.status_code == 409
    assert "Meine neue Fassung" in response.content.decode()
    assert "während Sie ihn bearbeitet haben" in response.content.decode()


def test_bad_input_gets_a_german_error_and_keeps_the_input(client, organization, staff_member):
    sign_in(client, staff_member)
    response = client.post(
        reverse("solutions:create"),
        {"title": "Parken", "summary": "", "organizations": [organization.pk], "start_year": 1800},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Parken" in content
    assert "Jahr zwischen 1990 und 2100" in content


def test_proposing_through_the_page(client, organization, staff_member, mobility):
    sign_in(client, staff_member)
    response = client.post(
        reverse("solutions:create"),
        {
            "title": "Digitale Parkraumanzeige",
            "summary": "Freie Parkplätze in Echtzeit",
            "organizations": [organization.pk],
            "fields_of_action": [mobility.pk],
            "suits_sizes": ["small_town", "medium_town"],
            "status": "pilot",
            "licence": "EUPL-1.2",
        },
    )
    solution = Solution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == solution.get_absolute_url()
    assert solution.suits_sizes == ["small_town", "medium_town"]
    assert "digitale parkraumanzeige" in solution.search_text
    page = client.get(solution.get_absolute_url()).content.decode()
    assert "Zur Prüfung einreichen" in page
