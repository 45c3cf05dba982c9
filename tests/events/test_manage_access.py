"""Who reaches the coordinators' pages of an event: every management view
× every role, for an event where mentors are not allowed and for one where
they are; materials by visibility; the feedback form."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.events.models import MaterialVisibility
from tests.events.factories import (
    EventFactory,
    MaterialFactory,
    RegistrationFactory,
    SpeakerFactory,
)

ROLES = ("anonymous", "staff_a", "staff_b", "contact_a", "mentor", "coordinator", "admin")
LOGIN = "login"

# View name, method, expected per role (event without mentors allowed).
MANAGED = (LOGIN, 403, 403, 403, 403, 200, 200)
MANAGED_POST = (LOGIN, 403, 403, 403, 403, 302, 302)
VIEWS = [
    ("events:manage_edit", "GET", MANAGED),
    ("events:manage_status", "POST", MANAGED_POST),
    ("events:manage_cancel", "GET", MANAGED),
    ("events:manage_participants", "GET", MANAGED),
    ("events:manage_register", "POST", MANAGED_POST),
    ("events:manage_export_csv", "GET", MANAGED),
    ("events:manage_export_xlsx", "GET", MANAGED),
    ("events:manage_message", "GET", MANAGED),
    ("events:manage_attendance", "GET", MANAGED),
    ("events:manage_figures", "GET", MANAGED),
    ("events:manage_materials", "GET", MANAGED),
    ("events:manage_feedback", "GET", MANAGED),
]
# The same event with mentors allowed: they help run it, but publishing,
# cancelling and reading feedback stay with the coordination.
WITH_MENTORS = {
    "events:manage_status": (LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_cancel": MANAGED,
    "events:manage_feedback": MANAGED,
}


def _outcome(response) -> int | str:
    if response.status_code == 302 and "/konto/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.fixture
def managed_event(organization, staff_member):
    event = EventFactory(title="Workshop Förderaufruf", slug="foerderaufruf")
    RegistrationFactory(event=event, person=staff_member, organization=organization)
    return event


def _statuses(client_for, method: str, url: str) -> tuple:
    results = []
    for role in ROLES:
        client = client_for(role)
        response = client.post(url) if method == "POST" else client.get(url)
        results.append(_outcome(response))
    return tuple(results)


@pytest.mark.parametrize(("name", "method", "expected"), VIEWS, ids=[view[0] for view in VIEWS])
def test_management_views_per_role(name, method, expected, managed_event, client_for):
    url = reverse(name, kwargs={"slug": managed_event.slug})
    assert _statuses(client_for, method, url) == expected


@pytest.mark.parametrize(("name", "method", "expected"), VIEWS, ids=[view[0] for view in VIEWS])
def test_allowed_mentors_help_run_the_event(name, method, expected, managed_event, client_for):
    managed_event.allow_mentors_to_edit = True
    managed_event.save()
    url = reverse(name, kwargs={"slug": managed_event.slug})
    expected = WITH_MENTORS.get(
        name, expected[:4] + (200 if method == "GET" else 302,) + expected[5:]
    )
    assert _statuses(client_for, method, url) == expected


def test_a_draft_is_hidden_from_those_who_do_not_run_it(managed_event, client_for):
    managed_event.status = "draft"
    managed_event.save()
    url = reverse("events:manage_participants", kwargs={"slug": managed_event.slug})
    assert _statuses(client_for, "GET", url) == (LOGIN, 404, 404, 404, 404, 200, 200)


def test_create_and_list_per_role(client_for):
    create = _statuses(client_for, "GET", reverse("events:manage_create"))
    assert create == (LOGIN, 403, 403, 403, 403, 200, 200)
    listing = _statuses(client_for, "GET", reverse("events:manage_list"))
    assert listing == (LOGIN, 403, 403, 403, 200, 200, 200)


def test_a_speaker_with_an_account_adds_materials_but_sees_no_participants(
    managed_event, other_staff, client_for
):
    SpeakerFactory(event=managed_event, user=other_staff, name="")
    client = client_for("staff_b")
    slug = managed_event.slug
    assert client.get(reverse("events:manage_materials", kwargs={"slug": slug})).status_code == 200
    assert (
        client.get(reverse("events:manage_participants", kwargs={"slug": slug})).status_code == 403
    )


def test_an_editor_runs_the_event(managed_event, contact_person, client_for):
    managed_event.editors.add(contact_person)
    client = client_for("contact_a")
    slug = managed_event.slug
    assert client.get(reverse("events:manage_edit", kwargs={"slug": slug})).status_code == 200
    assert client.get(reverse("events:manage_list")).status_code == 200
    assert client.get(reverse("events:manage_feedback", kwargs={"slug": slug})).status_code == 403


@pytest.mark.parametrize(
    ("visibility", "expected"),
    [
        (MaterialVisibility.PUBLIC, (200, 200, 200, 200, 200, 200, 200)),
        (MaterialVisibility.PARTICIPANTS, (404, 200, 404, 404, 404, 200, 200)),
        (MaterialVisibility.NETWORK, (404, 404, 404, 404, 404, 200, 200)),
    ],
)
def test_material_download_checks_the_visibility(visibility, expected, managed_event, client_for):
    material = MaterialFactory(event=managed_event, visibility=visibility)
    url = reverse(
        "events:material_download", kwargs={"slug": managed_event.slug, "pk": material.pk}
    )
    assert (
        tuple(
            200 if (status := client_for(role).get(url).status_code) == 302 else status
            for role in ROLES
        )
        == expected
    )


def test_network_materials_open_to_people_of_member_organisations(
    managed_event, organization, primary_network, client_for
):
    from ikone.accounts.models import NetworkMembership

    NetworkMembership.objects.create(organization=organization, network=primary_network)
    material = MaterialFactory(event=managed_event, visibility=MaterialVisibility.NETWORK)
    url = reverse(
        "events:material_download", kwargs={"slug": managed_event.slug, "pk": material.pk}
    )
    assert client_for("contact_a").get(url).status_code == 302
    assert client_for("staff_b").get(url).status_code == 404


def test_feedback_form_per_role(managed_event, client_for):
    managed_event.starts_at = timezone.now() - datetime.timedelta(days=1)
    managed_event.ends_at = managed_event.starts_at + datetime.timedelta(hours=2)
    managed_event.save()
    url = reverse("events:feedback", kwargs={"slug": managed_event.slug})
    assert _statuses(client_for, "GET", url) == (LOGIN, 200, 403, 403, 403, 403, 403)
