"""The account page's content is a memo per person (accounts/profile_page.py):
the second visit reads less, every table it shows and every field of the
person appear on the next visit, an expired invitation disappears with the
clock, a refused form is rendered with what was typed, and nobody sees
another person's page or token."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from ikone.accounts.models import Invitation, JoinRequest, Membership, Organization, Role, User
from tests.accounts.factories import InvitationFactory, JoinRequestFactory, UserFactory
from tests.core.helpers import get_counted, sign_in

pytestmark = pytest.mark.django_db

URL = "/konto/profil/"


def _signed_in(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _form_tokens(content: str) -> set[str]:
    form = content.split('<form method="post" class="ikone-form" novalidate>')[1].split("</form>")[
        0
    ]
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', form))


def test_the_page_is_read_once(staff_member):
    client = _signed_in(staff_member)
    first, _ = get_counted(client, URL)
    second, content = get_counted(client, URL)
    assert second < first
    assert "Stadt Astadt" in content or "Astadt" in content


def test_each_table_and_field_appears_on_the_next_visit(staff_member, organization):
    client = _signed_in(staff_member)
    content = client.get(URL).content.decode()
    assert organization.name in content and "Offene Einladungen" not in content

    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in client.get(URL).content.decode()

    Membership.objects.filter(user=staff_member).update(role=Role.CONTACT)
    assert "Personen verwalten" in client.get(URL).content.decode()

    invitation = InvitationFactory(
        email=staff_member.email, organization__name="Landkreis Einlader"
    )
    content = client.get(URL).content.decode()
    assert "Offene Einladungen" in content and "Landkreis Einlader" in content
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    assert "Landkreis Einlader" not in client.get(URL).content.decode()

    request = JoinRequestFactory(user=staff_member, organization__name="Gemeinde Anfrage")
    assert "Gemeinde Anfrage" in client.get(URL).content.decode()
    JoinRequest.objects.filter(pk=request.pk).update(status="declined")
    assert "Gemeinde Anfrage" not in client.get(URL).content.decode()

    User.objects.filter(pk=staff_member.pk).update(name="Till Umbenannt", phone="0301234")
    content = client.get(URL).content.decode()
    assert 'value="Till Umbenannt"' in content and 'value="0301234"' in content

    assert "nicht eingerichtet" in content
    staff_member.emailaddress_set.update(verified=False)
    InvitationFactory(email=staff_member.email, organization__name="Landkreis Unbestätigt")
    assert "Landkreis Unbestätigt" not in client.get(URL).content.decode()


def test_an_expired_invitation_disappears_with_the_clock(staff_member, monkeypatch):
    InvitationFactory(
        email=staff_member.email,
        organization__name="Landkreis Bald",
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    client = _signed_in(staff_member)
    assert "Landkreis Bald" in client.get(URL).content.decode()
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Landkreis Bald" not in client.get(URL).content.decode()


def test_a_refused_form_is_rendered_with_what_was_typed(staff_member):
    client = _signed_in(staff_member)
    client.get(URL)
    response = client.post(URL, {"name": "Getippt", "phone": "x" * 60, "language": "de"})
    assert response.status_code == 400
    assert 'value="Getippt"' in response.content.decode()
    assert 'value="Getippt"' not in client.get(URL).content.decode()


def test_each_person_sees_only_their_own_page_in_either_order(staff_member, other_staff):
    clients = {user.pk: _signed_in(user) for user in (staff_member, other_staff)}
    for order in ((staff_member, other_staff), (other_staff, staff_member)):
        seen = {user.pk: clients[user.pk].get(URL).content.decode() for user in order}
        assert "team@astadt.example" in seen[staff_member.pk]
        assert "team@bedorf.example" not in seen[staff_member.pk]
        assert "team@bedorf.example" in seen[other_staff.pk]
        assert "team@astadt.example" not in seen[other_staff.pk]
        tokens = [_form_tokens(page) for page in seen.values()]
        assert all(len(found) == 1 for found in tokens) and tokens[0] != tokens[1]


def test_a_person_with_the_same_fields_but_a_second_factor_gets_their_own(coordinator):
    plain = UserFactory(email="ohne@example.org", name="Kai Koordination")
    coordinator_page = _signed_in(coordinator).get(URL).content.decode()
    plain_page = _signed_in(plain).get(URL).content.decode()
    assert "koordination@example.org" in coordinator_page
    assert "ohne@example.org" in plain_page and "koordination@example.org" not in plain_page
