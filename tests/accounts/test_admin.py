"""The Django admin for people, organisations and network membership."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from ikone.accounts import services
from ikone.accounts.models import NetworkMembership, User
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import UserFactory
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(coordinator) -> Client:
    client = Client()
    sign_in(client, coordinator)
    return client


@pytest.fixture
def admin_client_with_totp(admin) -> Client:
    client = Client()
    sign_in(client, admin)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/user/",
        "/admin/accounts/organization/",
        "/admin/accounts/networkmembership/",
        "/admin/accounts/membership/",
        "/admin/accounts/invitation/",
        "/admin/accounts/joinrequest/",
        "/admin/accounts/network/",
        "/admin/accounts/user/add/",
    ],
)
def test_administrators_see_every_admin_page(admin_client_with_totp, organization, url):
    assert admin_client_with_totp.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/admin/accounts/user/", 200),
        ("/admin/accounts/organization/", 200),
        ("/admin/accounts/networkmembership/", 200),
        ("/admin/accounts/networkmembership/add/", 200),
        ("/admin/accounts/user/add/", 403),
        ("/admin/accounts/membership/", 403),
    ],
)
def test_coordinators_maintain_organisations_and_network_membership(
    coordinator_client, url, status
):
    assert coordinator_client.get(url).status_code == status


def test_staff_members_have_no_admin(client, staff_member):
    client.force_login(staff_member)

    assert client.get("/admin/").status_code == 302


def test_network_membership_saved_in_the_admin_is_audited(
    coordinator_client, organization, primary_network
):
    response = coordinator_client.post(
        "/admin/accounts/networkmembership/add/",
        {
            "organization": organization.pk,
            "network": primary_network.pk,
            "status": "member",
            "member_since": "2019-01-01",
            "member_since_precision": "year",
            "member_until": "",
            "note": "",
        },
    )

    assert response.status_code == 302
    assert NetworkMembership.objects.get().member_since_label == "2019"
    assert AuditEntry.objects.filter(action="accounts.network_membership.recorded").exists()


def test_coordinators_appoint_mentors_with_an_admin_action(coordinator_client):
    person = UserFactory()

    coordinator_client.post(
        "/admin/accounts/user/",
        {"action": "grant_mentor", "_selected_action": [person.pk]},
    )

    person.refresh_from_db()
    assert person.is_mentor
    assert AuditEntry.objects.filter(action="accounts.user.mentor_granted").exists()


def test_coordinators_cannot_appoint_coordinators(coordinator, coordinator_client):
    person = UserFactory()

    coordinator_client.post(
        "/admin/accounts/user/",
        {"action": "grant_coordinator", "_selected_action": [person.pk]},
    )

    person.refresh_from_db()
    assert not person.is_coordinator
    with pytest.raises(PermissionDenied):
        services.coordinator_role_set(
            user=person, is_coordinator=True, actor=Actor(user=coordinator)
        )


def test_administrators_appoint_coordinators_who_get_cms_access(admin):
    person = UserFactory()

    services.coordinator_role_set(user=person, is_coordinator=True, actor=Actor(user=admin))

    person = User.objects.get(pk=person.pk)
    assert person.is_coordinator and person.is_staff
    assert person.has_perm("wagtailadmin.access_admin")
    services.coordinator_role_set(user=person, is_coordinator=False, actor=Actor(user=admin))
    person = User.objects.get(pk=person.pk)
    assert not person.is_staff
    assert not person.has_perm("wagtailadmin.access_admin")
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["accounts.user.coordinator_granted", "accounts.user.coordinator_revoked"]


def test_mentors_cannot_appoint_mentors(mentor):
    with pytest.raises(PermissionDenied):
        services.mentor_role_set(user=UserFactory(), is_mentor=True, actor=Actor(user=mentor))


def test_organisation_changes_in_the_admin_are_audited(admin_client_with_totp, organization):
    response = admin_client_with_totp.post(
        f"/admin/accounts/organization/{organization.pk}/change/",
        {
            "name": "Stadt Astadt (neu)",
            "slug": organization.slug,
            "kind": organization.kind,
            "municipality": organization.municipality.pk,
            "description": "",
            "website": "",
            "email": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "network_memberships-TOTAL_FORMS": "0",
            "network_memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="accounts.organization.updated")
    assert entry.data == {"fields": ["name"], "via": "admin"}


def test_coordinators_cannot_set_passwords(coordinator_client, admin_client_with_totp, admin):
    url = f"/admin/accounts/user/{admin.pk}/password/"

    assert coordinator_client.get(url).status_code == 403
    assert (
        coordinator_client.post(url, {"password1": "x" * 12, "password2": "x" * 12}).status_code
        == 403
    )
    assert admin_client_with_totp.get(url).status_code == 200


def test_coordinators_cannot_make_someone_superuser(coordinator_client, staff_member):
    coordinator_client.post(
        f"/admin/accounts/user/{staff_member.pk}/change/",
        {
            "email": staff_member.email,
            "name": "Till Team",
            "job_title": "",
            "phone": "",
            "is_superuser": "on",
            "is_staff": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    staff_member.refresh_from_db()
    assert not staff_member.is_superuser
    assert not staff_member.is_staff
