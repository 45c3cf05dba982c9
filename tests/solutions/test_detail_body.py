"""A profile's page keeps what is the same for everyone in a memo
(`ikone.solutions.detail_body`, issue 15): each person must still see
exactly the adoptions they may see, whoever filled the memo first, and
every change must show on the next visit."""

from __future__ import annotations

import itertools

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from ikone.core.models import FieldOfAction
from ikone.solutions.models import AdoptionVisibility, SolutionDocument
from tests.accounts.factories import OrganizationFactory
from tests.core.helpers import sign_in
from tests.solutions.factories import AdoptionFactory, SolutionFactory

pytestmark = pytest.mark.django_db

VIEWERS = ("anonymous", "other", "own", "coordinator")
# Which experience each viewer sees: public, signed in, organisation only.
EXPECTED = {
    "anonymous": {"Öffentlich-Text"},
    "other": {"Öffentlich-Text", "Angemeldet-Text"},
    "own": {"Öffentlich-Text", "Angemeldet-Text", "Eigen-Text"},
    "coordinator": {"Öffentlich-Text", "Angemeldet-Text", "Eigen-Text"},
}
EXPERIENCES = {
    AdoptionVisibility.PUBLIC: "Öffentlich-Text",
    AdoptionVisibility.SIGNED_IN: "Angemeldet-Text",
    AdoptionVisibility.ORGANIZATION: "Eigen-Text",
}


@pytest.fixture
def profile(other_organization, organization):
    """A profile of B with one adoption per visibility; the one only for
    its own organisation is `organization`'s."""
    solution = SolutionFactory(title="Smarte Mülltonne", organizations=[other_organization])
    for visibility, text in EXPERIENCES.items():
        adopter = organization if visibility == AdoptionVisibility.ORGANIZATION else None
        AdoptionFactory(
            solution=solution,
            organization=adopter or OrganizationFactory(),
            experience=f"<p>{text}</p>",
            visibility=visibility,
        )
    return solution


def _page(client, solution, user=None, language="de") -> str:
    client.logout()
    if user is not None:
        sign_in(client, user)
    prefix = "" if language == "de" else f"/{language}"
    response = client.get(prefix + solution.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("order", list(itertools.permutations(VIEWERS))[::5])
def test_each_person_sees_their_adoptions_whoever_came_first(
    client, profile, staff_member, other_staff, coordinator, order
):
    users = {
        "anonymous": None,
        "other": other_staff,
        "own": staff_member,
        "coordinator": coordinator,
    }
    for viewer in order:
        content = _page(client, profile, users[viewer])
        shown = {text for text in EXPERIENCES.values() if text in content}
        assert shown == EXPECTED[viewer], viewer


def test_an_unpublished_profile_stays_hidden_after_the_coordination_saw_it(
    client, profile, coordinator, staff_member
):
    profile.review_state = "submitted"
    profile.save()
    assert "Eigen-Text" in _page(client, profile, coordinator)
    sign_in(client, staff_member)
    assert client.get(profile.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(profile.get_absolute_url()).status_code == 404


def _change_experience(solution):
    adoption = solution.adoptions.get(visibility=AdoptionVisibility.PUBLIC)
    adoption.experience = "<p>Neue Erfahrung</p>"
    adoption.save()
    return "Neue Erfahrung"


def _new_adoption(solution):
    AdoptionFactory(solution=solution, organization=OrganizationFactory(name="Neustadt am Test"))
    return "Neustadt am Test"


def _rename_adopter(solution):
    organization = solution.adoptions.get(visibility=AdoptionVisibility.PUBLIC).organization
    organization.name = "Umbenannte Gemeinde"
    organization.save()
    return "Umbenannte Gemeinde"


def _more_visible(solution):
    adoption = solution.adoptions.get(visibility=AdoptionVisibility.ORGANIZATION)
    adoption.visibility = AdoptionVisibility.PUBLIC
    adoption.save()
    return "Eigen-Text"


def _new_description(solution):
    solution.description = "<p>Ganz neue Beschreibung</p>"
    solution.save()
    return "Ganz neue Beschreibung"


def _new_field_label(solution):
    field = FieldOfAction.objects.create(key="testfeld", label="Altes Feld", position=99)
    solution.fields_of_action.add(field)
    FieldOfAction.objects.filter(pk=field.pk).update(label="Neues Testfeld")
    return "Neues Testfeld"


def _new_document(solution):
    document = SolutionDocument(solution=solution, title="Betriebskonzept 2026")
    document.file.save("konzept.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return "Betriebskonzept 2026"


def _new_similar(solution):
    field = FieldOfAction.objects.create(key="gemeinsam", label="Gemeinsam", position=98)
    solution.fields_of_action.add(field)
    SolutionFactory(title="Verwandte Lösung").fields_of_action.add(field)
    return "Verwandte Lösung"


@pytest.mark.parametrize(
    "change",
    [
        _change_experience,
        _new_adoption,
        _rename_adopter,
        _more_visible,
        _new_description,
        _new_field_label,
        _new_document,
        _new_similar,
    ],
)
def test_a_change_shows_on_the_next_visit(client, profile, other_staff, change):
    before = _page(client, profile, other_staff)
    expected = change(profile)
    assert expected not in before
    assert expected in _page(client, profile, other_staff)


def test_each_language_gets_its_own_memo(client, profile, other_staff):
    with translation.override("de"):
        german = _page(client, profile, other_staff, "de")
    english = _page(client, profile, other_staff, "en")
    assert "Übertragbarkeit" in german
    assert "Übertragbarkeit" not in english
