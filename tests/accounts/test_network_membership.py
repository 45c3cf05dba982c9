"""An organisation's membership in the primary network: recorded by coordinators, applied for by the Ansprechperson."""

import datetime

import pytest
from django.core import mail

from ikone.accounts import services
from ikone.accounts.exceptions import AlreadyMemberError
from ikone.accounts.models import DatePrecision, NetworkMembership, NetworkMembershipStatus
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.accounts.factories import NetworkMembershipFactory

pytestmark = pytest.mark.django_db


def _detail(client, organization) -> str:
    response = client.get(f"/organisationen/{organization.slug}/")
    assert response.status_code == 200
    return response.content.decode()


# --- Network membership ------------------------------------------------------------


def test_a_coordinator_records_network_membership(client_for, organization, primary_network):
    client = client_for("coordinator")

    response = client.post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {
            "action": "save",
            "status": NetworkMembershipStatus.MEMBER,
            "member_since": "2020-01-01",
            "member_since_precision": DatePrecision.YEAR,
            "member_until": "",
            "note": "zehntes Mitglied",
        },
    )

    assert response.status_code == 302
    membership = NetworkMembership.objects.get(organization=organization)
    assert membership.member_since_label == "2020"
    assert membership.note == "zehntes Mitglied"
    entry = AuditEntry.objects.get(action="accounts.network_membership.recorded")
    assert entry.data["status"] == "member"
    assert entry.data["created"] is True
    assert "seit 2020" in _detail(client, organization)


def test_the_end_cannot_lie_before_the_start(client_for, organization, primary_network):
    response = client_for("coordinator").post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {
            "action": "save",
            "status": NetworkMembershipStatus.FORMER,
            "member_since": "2021-05-01",
            "member_since_precision": DatePrecision.DAY,
            "member_until": "2020-05-01",
        },
    )

    assert response.status_code == 400
    assert "Das Ende liegt vor dem Beginn." in response.content.decode()


def test_a_coordinator_removes_the_record(client_for, organization, primary_network):
    NetworkMembershipFactory(organization=organization, network=primary_network)

    client_for("coordinator").post(
        f"/organisationen/{organization.slug}/mitgliedschaft/", {"action": "remove"}
    )

    assert not NetworkMembership.objects.exists()
    assert AuditEntry.objects.filter(action="accounts.network_membership.removed").exists()


def test_without_a_primary_network_the_form_says_so(client_for, organization):
    client = client_for("coordinator")

    page = client.get(f"/organisationen/{organization.slug}/mitgliedschaft/")
    assert "Es ist noch kein Hauptnetzwerk eingerichtet" in page.content.decode()
    response = client.post(
        f"/organisationen/{organization.slug}/mitgliedschaft/",
        {"action": "save", "status": "member", "member_since_precision": "day"},
    )
    assert "Es ist noch kein Netzwerk eingerichtet." in response.content.decode()


@pytest.mark.parametrize(
    ("since", "precision", "label"),
    [
        (datetime.date(2019, 4, 1), DatePrecision.MONTH, "April 2019"),
        (datetime.date(2019, 4, 1), DatePrecision.YEAR, "2019"),
        (datetime.date(2019, 4, 9), DatePrecision.DAY, "9. April 2019"),
        (None, DatePrecision.DAY, ""),
    ],
)
def test_member_since_shows_only_what_is_known(
    organization, primary_network, since, precision, label
):
    membership = NetworkMembershipFactory(
        organization=organization,
        network=primary_network,
        member_since=since,
        member_since_precision=precision,
    )

    assert membership.member_since_label == label


def test_an_ansprechperson_applies_for_membership(
    client,
    organization,
    contact_person,
    coordinator,
    primary_network,
    django_capture_on_commit_callbacks,
):
    client.force_login(contact_person)
    assert "Mitgliedschaft beantragen" in _detail(client, organization)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/organisationen/{organization.slug}/mitgliedschaft/beantragen/")

    assert response.status_code == 302
    membership = NetworkMembership.objects.get(organization=organization)
    assert membership.status == NetworkMembershipStatus.APPLIED
    assert mail.outbox[0].to == [coordinator.email]
    assert "Beitritt beantragt" in _detail(client, organization)
    with pytest.raises(AlreadyMemberError):
        services.network_membership_apply(
            organization=organization, actor=Actor(user=contact_person)
        )
