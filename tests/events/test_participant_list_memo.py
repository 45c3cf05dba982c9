"""The participant list's figures and rows are a memo per event and
language (events/participant_list.py): the second visit reads less, each
change to what the list shows appears on the next visit, the right to see
the list is still checked per request, and another event or language gets
its own list."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from ikone.accounts.models import Organization, User
from ikone.events.models import Registration, RegistrationStatus
from tests.core.helpers import get_counted, sign_in
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _url(event) -> str:
    return reverse("events:manage_participants", kwargs={"slug": event.slug})


def test_the_second_visit_reads_less(client, coordinator, event, staff_member):
    RegistrationFactory(event=event, person=staff_member)
    sign_in(client, coordinator)
    first, _ = get_counted(client, _url(event))
    second, content = get_counted(client, _url(event))
    assert second < first
    assert "Till Team" in content


def test_each_change_appears_on_the_next_visit(
    client, coordinator, event, staff_member, organization
):
    registration = RegistrationFactory(event=event, person=staff_member, organization=organization)
    sign_in(client, coordinator)
    assert "Till Team" in client.get(_url(event)).content.decode()

    User.objects.filter(pk=staff_member.pk).update(name="Till Umbenannt")
    assert "Till Umbenannt" in client.get(_url(event)).content.decode()

    Organization.objects.filter(pk=organization.pk).update(name="Stadt Neuname")
    assert "Stadt Neuname" in client.get(_url(event)).content.decode()

    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.CANCELLED)
    content = client.get(_url(event)).content.decode()
    assert "storniert" in content or "abgemeldet" in content or "abgesagt" in content

    RegistrationFactory(event=event, person__name="Nina Neu")
    assert "Nina Neu" in client.get(_url(event)).content.decode()


def test_the_right_is_checked_before_the_memo(client, coordinator, staff_member, event):
    RegistrationFactory(event=event, person__name="Geheim Person")
    sign_in(client, coordinator)
    assert "Geheim Person" in client.get(_url(event)).content.decode()
    client.logout()
    sign_in(client, staff_member)
    response = client.get(_url(event))
    assert response.status_code in (403, 404)
    assert "Geheim Person" not in response.content.decode()


def test_events_and_languages_have_their_own_lists(client, coordinator, event):
    other = EventFactory(slug="anderes")
    RegistrationFactory(event=event, person__name="Nur Hier")
    RegistrationFactory(event=other, person__name="Nur Dort")
    sign_in(client, coordinator)
    here = client.get(_url(event)).content.decode()
    there = client.get(_url(other)).content.decode()
    assert "Nur Hier" in here and "Nur Dort" not in here
    assert "Nur Dort" in there and "Nur Hier" not in there
    with translation.override("en"):
        english = client.get(_url(event)).content.decode()
    assert "bestätigt" in here.split('id="liste"')[1]
    assert "bestätigt" not in english.split('id="liste"')[1]
