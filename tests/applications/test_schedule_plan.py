"""The schedule of a draft: services (locking), pages per role, readiness."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.applications.models import Milestone, MilestoneKind
from ikone.applications.readiness import readiness_for
from ikone.applications.services import financing as financing_services
from ikone.applications.services import schedule as services
from ikone.core.audit import Actor
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

TODAY = date(2026, 11, 30)


def add(draft, user, *, day, title="Ratsbeschluss", done=False):
    return services.milestone_create(
        draft=draft,
        actor=Actor(user=user),
        title=title,
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=day,
        done=done,
    )


def test_update_with_stale_version_is_refused(draft, staff_member):
    milestone = add(draft, staff_member, day=date(2026, 12, 1))
    fields = {"title": "Neu", "kind": "other", "date": date(2026, 12, 2), "done": True}
    services.milestone_update(
        milestone=milestone, based_on=1, actor=Actor(user=staff_member), **fields
    )
    with pytest.raises(financing_services.StaleEditError):
        services.milestone_update(
            milestone=milestone, based_on=1, actor=Actor(user=staff_member), **fields
        )
    with pytest.raises(financing_services.StaleEditError):
        services.milestone_delete(milestone=milestone, based_on=1, actor=Actor(user=staff_member))
    services.milestone_delete(milestone=milestone, based_on=2, actor=Actor(user=staff_member))
    assert not Milestone.objects.exists()


@pytest.mark.parametrize("who", ["other_staff", "mentor", "coordinator", "admin"])
def test_only_the_organisation_plans(who, shared_with_mentor, request):
    with pytest.raises(PermissionDenied):
        add(shared_with_mentor, request.getfixturevalue(who), day=date(2026, 12, 1))


def test_late_milestone_blocks_readiness(draft, staff_member):
    add(draft, staff_member, day=date(2026, 12, 10), title="Partnerschreiben")
    items = {item.key: item for item in readiness_for(draft, today=TODAY).items}
    assert items["schedule.before_deadline"].met
    add(draft, staff_member, day=date(2026, 12, 20), title="Ratsbeschluss")
    items = {item.key: item for item in readiness_for(draft, today=TODAY).items}
    late = items["schedule.before_deadline"]
    assert not late.met and late.mandatory
    assert str(late.label) == "Meilenstein nach der Frist"
    assert "Ratsbeschluss: 5 Tage nach der Einreichungsfrist" in late.detail


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("staff_a", 200),
        ("staff_b", 404),
        ("contact_a", 200),
        ("mentor", 404),
        ("coordinator", 404),
        ("admin", 404),
    ],
)
def test_schedule_page_per_role(role, status, draft, client_for):
    response = client_for(role).get(reverse("applications:schedule", args=[draft.pk]))
    assert response.status_code == status


def test_shared_mentor_reads_but_does_not_edit(shared_with_mentor, mentor, client, staff_member):
    milestone = add(shared_with_mentor, staff_member, day=date(2026, 12, 1))
    sign_in(client, mentor)
    page = client.get(reverse("applications:schedule", args=[shared_with_mentor.pk]))
    assert page.status_code == 200 and "Ratsbeschluss" in page.content.decode()
    edit = reverse("applications:milestone_edit", args=[shared_with_mentor.pk, milestone.pk])
    assert client.get(edit).status_code == 403


def test_add_edit_delete_through_the_pages(draft, client, staff_member):
    sign_in(client, staff_member)
    response = client.post(
        reverse("applications:milestone_create", args=[draft.pk]),
        {"title": "Ratsbeschluss", "kind": "council_resolution", "date": "20.12.2026"},
        follow=True,
    )
    content = response.content.decode()
    assert "20.12.2026" in content
    assert "Meilenstein nach der Frist" in content
    milestone = Milestone.objects.get()
    edit = reverse("applications:milestone_edit", args=[draft.pk, milestone.pk])
    data = {"title": "Ratsbeschluss", "kind": "council_resolution", "date": "2026-12-08"}
    assert client.post(edit, {**data, "version": "1", "done": "on"}).status_code == 302
    conflict = client.post(edit, {**data, "version": "1"})
    assert conflict.status_code == 409
    assert "Inzwischen geändert" in conflict.content.decode()
    delete = reverse("applications:milestone_delete", args=[draft.pk, milestone.pk])
    assert client.post(delete, {"version": "2"}).status_code == 302
    assert not Milestone.objects.exists()


def test_bad_date_keeps_the_input(draft, client, staff_member):
    sign_in(client, staff_member)
    response = client.post(
        reverse("applications:milestone_create", args=[draft.pk]),
        {"title": "Ratsbeschluss", "kind": "council_resolution", "date": "31.02.2026"},
    )
    assert response.status_code == 400
    assert 'value="Ratsbeschluss"' in response.content.decode()


def test_schedule_page_queries_do_not_grow(
    draft, client, staff_member, django_assert_max_num_queries
):
    for day in range(1, 13):
        add(draft, staff_member, day=date(2026, 12, day), title=f"Schritt {day}")
    sign_in(client, staff_member)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("applications:schedule", args=[draft.pk])).status_code == 200
