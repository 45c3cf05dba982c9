"""The demo catalogue (solutions/demo/solutions.yaml): about 40 profiles,
each owned by a real model project and marked as an example, adoptions and
citations that point at profiles and organisations that exist."""

from __future__ import annotations

from ikone.accounts.demo import demo_organizations
from ikone.solutions.demo import demo_content
from ikone.solutions.importer import BUNDLED_FILE, read_model_projects
from ikone.solutions.models import ReviewState


def test_about_forty_profiles_owned_by_real_model_projects():
    content = demo_content()
    assert len(content.solutions) >= 40
    projects = {(row.name, row.round_year) for row in read_model_projects(BUNDLED_FILE)}
    assert not [s.slug for s in content.solutions if (s.owner.name, s.owner.round) not in projects]
    assert len({s.slug for s in content.solutions}) == len(content.solutions)


def test_every_profile_says_it_is_an_example_and_invents_no_figures():
    for solution in demo_content().solutions:
        assert "Beispiel" in solution.description, solution.slug
        assert not any(char.isdigit() for char in solution.summary), solution.slug


def test_adoptions_and_citations_point_at_what_exists():
    content = demo_content()
    published = {s.slug for s in content.solutions if s.review == ReviewState.PUBLISHED}
    organizations = {organization.key for organization in demo_organizations()}
    assert len(content.adoptions) >= 20
    for adoption in content.adoptions:
        assert adoption.solution in published
        assert adoption.organization in organizations
    assert {citation.solution for citation in content.citations} <= published
