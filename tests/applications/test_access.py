"""Who may open each workshop page: every view × every role, also mentors
with and without a share and coordinators with and without the network
share. GET pages answer 200 or refuse; POST actions are tried with an
empty form (enough to see whether the role gets in)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.applications.models import Draft, DraftMentor
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

ROLES = (
    "anonymous",
    "staff_a",
    "staff_b",
    "contact_a",
    "mentor_not_shared",
    "mentor_shared",
    "coordinator_not_shared",
    "coordinator_network",
    "admin",
)
L = "login"
# Reading pages of A's draft.
READ = dict(zip(ROLES, (L, 200, 404, 200, 404, 200, 404, 200, 404), strict=True))
# Pages only A's people use (sharing, outcome).
MANAGE = dict(zip(ROLES, (L, 200, 404, 200, 404, 403, 404, 403, 404), strict=True))

VIEWS = {
    "detail": ("GET", READ, {}),
    "section": ("GET", READ, {"section_key": "ausgangslage"}),
    "history": ("GET", READ, {"section_key": "ausgangslage"}),
    "criteria": ("GET", READ, {}),
    "documents": ("GET", READ, {}),
    "readiness": ("GET", READ, {}),
    "share": ("GET", MANAGE, {}),
    "outcome": ("GET", MANAGE, {}),
    "recommendation": (
        "GET",
        dict(zip(ROLES, (L, 403, 404, 403, 404, 200, 404, 403, 404), strict=True)),
        {},
    ),
    "comment_add": (
        "POST",
        dict(zip(ROLES, (L, 302, 404, 302, 404, 302, 404, 302, 404), strict=True)),
        {"section_key": "ausgangslage"},
    ),
    "transition": (
        "POST",
        dict(zip(ROLES, (L, 302, 404, 302, 404, 403, 404, 403, 404), strict=True)),
        {},
    ),
    "document_update": ("POST", {**MANAGE, "staff_a": 400, "contact_a": 400}, {}),
    "section_save": (
        "POST",
        dict(zip(ROLES, (L, 400, 404, 400, 404, 403, 404, 403, 404), strict=True)),
        {"section_key": "ausgangslage"},
    ),
}


@pytest.fixture
def people(request, workshop_draft, mentor, coordinator, admin, staff_member):
    second = request.getfixturevalue("second_mentor")
    DraftMentor.objects.create(draft=workshop_draft, mentor=second)
    return {
        "staff_a": staff_member,
        "staff_b": request.getfixturevalue("other_staff"),
        "contact_a": request.getfixturevalue("contact_person"),
        "mentor_not_shared": mentor,
        "mentor_shared": second,
        "coordinator_not_shared": coordinator,
        "coordinator_network": coordinator,
        "admin": admin,
    }


def _url(name: str, draft: Draft, extra: dict) -> str:
    if name == "section_save":
        name = "section"
    if name == "document_update":
        return reverse(
            "applications:document_update",
            kwargs={"pk": draft.pk, "required_document": draft.call.required_documents.first().pk},
        )
    return reverse(f"applications:{name}", kwargs={"pk": draft.pk, **extra})


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_expected_status(view, role, people, workshop_draft, client):
    method, expected, extra = VIEWS[view]
    if role == "coordinator_network":
        Draft.objects.filter(pk=workshop_draft.pk).update(shared_with_network=True)
    if role != "anonymous":
        sign_in(client, people[role])
    response = client.generic(method, _url(view, workshop_draft, extra))
    outcome = (
        L
        if response.status_code == 302 and "/login/" in response["Location"]
        else response.status_code
    )
    assert outcome == expected[role], (view, role)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff_a", 200), ("staff_b", 200), ("mentor_shared", 403), ("admin", 403)],
)
def test_who_may_start_a_draft(role, expected, people, client):
    sign_in(client, people[role])
    assert client.get(reverse("applications:create")).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff_a", 403), ("mentor_shared", 403), ("coordinator_network", 200), ("admin", 200)],
)
def test_only_coordinators_see_the_figures(role, expected, people, client):
    sign_in(client, people[role])
    assert client.get(reverse("applications:figures")).status_code == expected


def test_anonymous_is_sent_to_login_for_the_list(client):
    response = client.get(reverse("applications:list"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_list_shows_only_visible_drafts(people, workshop_draft, workshop_draft_b, client):
    sign_in(client, people["staff_a"])
    content = client.get(reverse("applications:list")).content.decode()
    assert workshop_draft.title in content
    assert workshop_draft_b.title not in content

    client.logout()
    sign_in(client, people["mentor_shared"])
    content = client.get(reverse("applications:list")).content.decode()
    assert workshop_draft.title in content
    assert workshop_draft_b.title not in content

    client.logout()
    sign_in(client, people["coordinator_network"])
    assert workshop_draft.title not in client.get(reverse("applications:list")).content.decode()
    Draft.objects.filter(pk=workshop_draft.pk).update(shared_with_network=True)
    assert workshop_draft.title in client.get(reverse("applications:list")).content.decode()
