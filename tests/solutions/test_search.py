"""Published solutions and model projects join the site-wide search and the
question suggestions; drafts never do."""

from __future__ import annotations

import pytest

from ikone.core.audit import Actor
from ikone.core.search.models import SearchDocument
from ikone.solutions.models import ModelProject, ReviewState
from ikone.solutions.services.solutions import solution_transition
from tests.accounts.factories import OrganizationFactory
from tests.solutions.factories import SolutionFactory

pytestmark = pytest.mark.django_db


def documents(kind: str) -> list[tuple[str, bool]]:
    return [(d.title, d.suggestible) for d in SearchDocument.objects.filter(kind=kind)]


def test_a_profile_is_found_once_published(
    organization, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        solution = SolutionFactory(
            title="Bürgerbus per App",
            organizations=[organization],
            review_state=ReviewState.SUBMITTED,
        )
    assert documents("solution") == []
    with django_capture_on_commit_callbacks(execute=True):
        solution_transition(solution=solution, action="publish", actor=Actor(user=coordinator))
    assert documents("solution") == [("Bürgerbus per App", True)]


def test_model_projects_are_found_by_their_title(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ModelProject.objects.create(
            organization=OrganizationFactory(name="Stadt Linz am Rhein"),
            name="Linz am Rhein",
            kind_label="Stadt",
            lands=["Rheinland-Pfalz"],
            round_year=2021,
            category="small",
            project_title="Mission smarte Region Linz am Rhein",
            sources=["https://example.org"],
        )
    assert documents("model_project") == [("Mission smarte Region Linz am Rhein", True)]
