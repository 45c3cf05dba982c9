"""The catalogue's page of results is a memo (`ikone.solutions.catalogue_page`,
issue 15): every change must show on the next visit, signed in or not, and
the page parameter must behave as Django's paginator."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.solutions.models import ReviewState
from tests.core.helpers import sign_in
from tests.solutions.factories import AdoptionFactory, SolutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(db):
    return SolutionFactory(title="Bürgerbus per App")


def _content(client, query="") -> str:
    response = client.get(reverse("solutions:list") + query)
    assert response.status_code == 200
    return response.content.decode()


def _new_profile(solution):
    SolutionFactory(title="Neue Parkraum-Lösung")
    return "Neue Parkraum-Lösung"


def _published(solution):
    draft = SolutionFactory(title="Eben veröffentlicht", review_state=ReviewState.SUBMITTED)
    draft.review_state = ReviewState.PUBLISHED
    draft.save()
    return "Eben veröffentlicht"


def _adopted(solution):
    AdoptionFactory.create_batch(2, solution=solution)
    return "2 Übernahmen"


def _owner_renamed(solution):
    owner = solution.organizations.get()
    owner.name = "Umbenannter Zweckverband"
    owner.save()
    return "Umbenannter Zweckverband"


def _retitled(solution):
    solution.title = "Rufbus per App"
    solution.save()
    return "Rufbus per App"


@pytest.mark.parametrize("change", [_new_profile, _published, _adopted, _owner_renamed, _retitled])
@pytest.mark.parametrize("signed_in", [False, True])
def test_a_change_shows_on_the_next_visit(client, listed, staff_member, change, signed_in):
    if signed_in:
        sign_in(client, staff_member)
    before = _content(client)
    expected = change(listed)
    assert expected not in before
    assert expected in _content(client)


def test_withdrawn_profiles_leave_the_list(client, listed, staff_member):
    sign_in(client, staff_member)
    assert "Bürgerbus per App" in _content(client, "?q=buergerbus")
    listed.review_state = ReviewState.RETURNED
    listed.save()
    assert "Bürgerbus per App" not in _content(client, "?q=buergerbus")


@pytest.mark.parametrize(
    ("page", "shown"),
    [("", 1), ("2", 2), ("abc", 1), ("0", 3), ("99", 3), ("9999999999", 3), ("-1", 3)],
)
def test_pages_as_the_paginator_gives_them(client, staff_member, page, shown):
    for number in range(45):
        SolutionFactory(title=f"Lösung {number:02d}")
    sign_in(client, staff_member)
    for _visit in range(2):  # computed, then from the memo
        response = client.get(reverse("solutions:list"), {"page": page} if page else {})
        assert response.context["page_obj"].number == shown
        assert f"Seite {shown} von 3" in response.content.decode()
