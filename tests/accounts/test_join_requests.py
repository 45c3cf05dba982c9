"""Join requests: a signed-in person asks, the Ansprechperson (or coordination) decides."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from ikone.accounts import services
from ikone.accounts.exceptions import AlreadyMemberError, JoinRequestNotPendingError
from ikone.accounts.models import JoinRequest, JoinRequestStatus, Membership, Role
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import JoinRequestFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_a_person_asks_to_join_and_the_ansprechperson_is_told(
    client, organization, contact_person, person, django_capture_on_commit_callbacks
):
    client.force_login(person)
    assert client.get(f"/organisationen/{organization.slug}/beitreten/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisationen/{organization.slug}/beitreten/", {"message": "Ich bin neu im Team."}
        )

    assert response.status_code == 302
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinRequestStatus.PENDING
    assert [message.to for message in mail.outbox] == [[contact_person.email]]
    assert "Nora Neu (neu@example.org) möchte" in mail.outbox[0].body
    assert "Ich bin neu im Team." in mail.outbox[0].body
    detail = client.get(f"/organisationen/{organization.slug}/").content.decode()
    assert "Ihre Beitrittsanfrage liegt der Ansprechperson vor." in detail


def test_without_ansprechperson_the_coordinators_are_told(
    person, coordinator, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(
            organization=organization, message="", actor=Actor(user=person)
        )

    assert mail.outbox[0].to == [coordinator.email]


def test_a_second_open_request_is_refused(organization, person):
    services.join_request_create(organization=organization, message="", actor=Actor(user=person))

    with pytest.raises(JoinRequestNotPendingError):
        services.join_request_create(
            organization=organization, message="", actor=Actor(user=person)
        )


def test_members_cannot_ask_to_join(client, organization, staff_member):
    client.force_login(staff_member)

    assert client.get(f"/organisationen/{organization.slug}/beitreten/").status_code == 403
    with pytest.raises(AlreadyMemberError):
        services.join_request_create(
            organization=organization, message="", actor=Actor(user=staff_member)
        )


def test_approving_makes_the_person_staff_and_tells_them(
    client, organization, contact_person, person, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(organization=organization, user=person)
    client.force_login(contact_person)
    members_page = client.get(f"/organisationen/{organization.slug}/personen/").content.decode()
    assert "Nora Neu" in members_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisationen/{organization.slug}/anfragen/{join_request.pk}/entscheiden/",
            {"decision": "approve"},
        )

    assert response.status_code == 302
    assert Membership.objects.get(user=person, organization=organization).role == Role.STAFF
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.APPROVED
    assert join_request.decided_by == contact_person
    assert mail.outbox[-1].to == [person.email]
    assert "Willkommen bei Stadt Astadt" in mail.outbox[-1].subject
    assert AuditEntry.objects.filter(action="accounts.join_request.approved").exists()


def test_declining_tells_the_person(
    client, organization, contact_person, person, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(organization=organization, user=person)
    client.force_login(contact_person)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/organisationen/{organization.slug}/anfragen/{join_request.pk}/entscheiden/",
            {"decision": "decline"},
        )

    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.DECLINED
    assert not Membership.objects.filter(user=person).exists()
    assert "wurde abgelehnt" in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="accounts.join_request.declined").exists()


def test_a_decided_request_cannot_be_decided_again(organization, contact_person, person):
    join_request = JoinRequestFactory(organization=organization, user=person)
    services.join_request_decline(join_request=join_request, actor=Actor(user=contact_person))

    with pytest.raises(JoinRequestNotPendingError):
        services.join_request_approve(join_request=join_request, actor=Actor(user=contact_person))


def test_staff_cannot_decide(client, organization, staff_member, person):
    join_request = JoinRequestFactory(organization=organization, user=person)
    client.force_login(staff_member)

    response = client.post(
        f"/organisationen/{organization.slug}/anfragen/{join_request.pk}/entscheiden/",
        {"decision": "approve"},
    )

    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.join_request_approve(join_request=join_request, actor=Actor(user=staff_member))


def test_a_request_of_another_organisation_is_404(
    client, organization, other_organization, contact_person, person
):
    join_request = JoinRequestFactory(organization=other_organization, user=person)
    client.force_login(contact_person)

    response = client.post(
        f"/organisationen/{organization.slug}/anfragen/{join_request.pk}/entscheiden/",
        {"decision": "approve"},
    )

    assert response.status_code == 404


def test_an_unknown_decision_changes_nothing(client, organization, contact_person, person):
    join_request = JoinRequestFactory(organization=organization, user=person)
    client.force_login(contact_person)

    client.post(
        f"/organisationen/{organization.slug}/anfragen/{join_request.pk}/entscheiden/",
        {"decision": "vielleicht"},
    )

    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING
