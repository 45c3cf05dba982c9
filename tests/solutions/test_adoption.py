"""Recording adoptions and who sees them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.solutions.exceptions import SolutionError
from ikone.solutions.models import Adoption, AdoptionVisibility, ReviewState
from ikone.solutions.services.adoptions import adoption_record
from tests.core.helpers import sign_in
from tests.solutions.factories import SolutionFactory


@pytest.fixture
def solution_of_b(other_organization):
    return SolutionFactory(title="Smarte Mülltonne", organizations=[other_organization])


def record(solution, organization, user, **values):
    defaults = {"status": "operating", "since": None, "experience": "", "visibility": "public"}
    return adoption_record(
        solution=solution,
        organization=organization,
        actor=Actor(user=user),
        **{**defaults, **values},
    )


def test_an_organisation_records_and_updates_its_adoption(
    solution_of_b, organization, staff_member
):
    record(solution_of_b, organization, staff_member, status="planned")
    record(solution_of_b, organization, staff_member, status="operating", experience="Gut")
    adoption = Adoption.objects.get()
    assert adoption.status == "operating"
    assert "Gut" in adoption.experience


def test_only_its_people_record_for_an_organisation(solution_of_b, organization, other_staff):
    with pytest.raises(PermissionDenied):
        record(solution_of_b, organization, other_staff)


def test_unpublished_solutions_cannot_be_adopted(solution_of_b, organization, staff_member):
    solution_of_b.review_state = ReviewState.SUBMITTED
    solution_of_b.save()
    with pytest.raises(PermissionDenied):
        record(solution_of_b, organization, staff_member)


def test_an_organisation_does_not_adopt_its_own(solution_of_b, other_organization, other_staff):
    with pytest.raises(SolutionError):
        record(solution_of_b, other_organization, other_staff)


@pytest.mark.parametrize(
    ("visibility", "anonymous", "other", "own"),
    [
        (AdoptionVisibility.PUBLIC, True, True, True),
        (AdoptionVisibility.SIGNED_IN, False, True, True),
        (AdoptionVisibility.ORGANIZATION, False, False, True),
    ],
)
def test_experience_shows_by_visibility(
    client,
    solution_of_b,
    organization,
    staff_member,
    other_staff,
    visibility,
    anonymous,
    other,
    own,
):
    record(
        solution_of_b, organization, staff_member, experience="Geheimtipp", visibility=visibility
    )
    url = solution_of_b.get_absolute_url()
    assert ("Geheimtipp" in client.get(url).content.decode()) is anonymous
    sign_in(client, other_staff)
    assert ("Geheimtipp" in client.get(url).content.decode()) is other
    sign_in(client, staff_member)
    assert ("Geheimtipp" in client.get(url).content.decode()) is own


def test_adoptions_show_on_the_adopters_page(client, solution_of_b, organization, staff_member):
    record(solution_of_b, organization, staff_member, experience="Seit einem Jahr im Einsatz")
    content = client.get(organization.get_absolute_url()).content.decode()
    assert "Smarte Mülltonne" in content
    assert "Seit einem Jahr im Einsatz" in content


def test_adopting_through_the_page(client, solution_of_b, organization, staff_member):
    sign_in(client, staff_member)
    response = client.post(
        reverse("solutions:adopt", args=[solution_of_b.slug]),
        {"organization": organization.pk, "status": "in_progress", "visibility": "public"},
    )
    assert response.status_code == 302
    assert Adoption.objects.get().organization == organization
