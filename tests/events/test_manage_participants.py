"""Coordinators register others, see and export the list, write to all
participants, check people in and read the figures."""

from __future__ import annotations

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from ikone.accounts.models import NetworkMembership
from ikone.core.models import AuditEntry
from ikone.events.models import RegistrationStatus
from ikone.events.selectors_manage import event_figures
from ikone.municipalities.models import Level, Municipality
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory, RegistrationFactory


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def _url(name: str, event, **kwargs) -> str:
    return reverse(name, kwargs={"slug": event.slug, **kwargs})


def test_coordinator_finds_and_registers_a_person(coordinator_client, event, staff_member):
    url = _url("events:manage_participants", event)
    response = coordinator_client.get(url, {"q": "Till"})
    assert "Till Team" in response.content.decode()
    mail.outbox.clear()
    response = coordinator_client.post(
        _url("events:manage_register", event), {"person": staff_member.pk}, follow=True
    )
    assert "ist angemeldet" in response.content.decode()
    registration = event.registrations.get(person=staff_member)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.organization is not None
    assert mail.outbox and mail.outbox[-1].to == [staff_member.email]
    # Already registered people are no longer offered.
    assert "Till Team anmelden" not in coordinator_client.get(url, {"q": "Till"}).content.decode()


def test_a_full_event_puts_the_person_on_the_waiting_list(coordinator_client, event, staff_member):
    RegistrationFactory.create_batch(2, event=event)
    response = coordinator_client.post(
        _url("events:manage_register", event), {"person": staff_member.pk}, follow=True
    )
    assert "Warteliste" in response.content.decode()
    assert event.registrations.get(person=staff_member).status == RegistrationStatus.WAITLISTED


def test_participant_list_query_count(coordinator_client, event, django_assert_max_num_queries):
    event.capacity = None
    event.save()
    organization = OrganizationFactory()
    for _ in range(8):
        RegistrationFactory(event=event, organization=organization)
    with django_assert_max_num_queries(9):
        response = coordinator_client.get(_url("events:manage_participants", event))
    assert response.status_code == 200


def test_exports_have_german_headers_and_every_registration(
    coordinator_client, event, organization
):
    RegistrationFactory(
        event=event, person=UserFactory(name="=HYPERLINK(1)"), organization=organization
    )
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    response = coordinator_client.get(_url("events:manage_export_csv", event))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["Name", "E-Mail-Adresse", "Organisation", "Status"]
    assert len(rows) == 3
    assert rows[1][0] == "'=HYPERLINK(1)"  # no formula injection
    assert rows[2][4] == "1"  # first on the waiting list

    response = coordinator_client.get(_url("events:manage_export_xlsx", event))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet["A1"].value == "Name"
    assert sheet.max_row == 3
    assert AuditEntry.objects.filter(action="events.participants.exported").count() == 2


def test_exports_are_rate_limited(coordinator_client, event):
    url = _url("events:manage_export_csv", event)
    statuses = [coordinator_client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_message_to_all_participants(coordinator_client, event, coordinator):
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    mail.outbox.clear()
    url = _url("events:manage_message", event)
    assert "1 bestätigte Person" in coordinator_client.get(url).content.decode()
    response = coordinator_client.post(url, {"subject": "Unterlagen", "body": "Bitte lesen."})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[confirmed.person.email]]
    assert mail.outbox[0].reply_to == [coordinator.email]
    assert "Bitte lesen." in mail.outbox[0].body
    mail.outbox.clear()
    coordinator_client.post(
        url, {"subject": "Alle", "body": "Auch Warteliste.", "include_waitlisted": "on"}
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [confirmed.person.email, waiting.person.email]
    )
    entry = AuditEntry.objects.filter(action="events.participants.messaged").first()
    assert entry.data["subject"] == "Alle"


def test_message_needs_subject_and_text(coordinator_client, event):
    response = coordinator_client.post(_url("events:manage_message", event), {"subject": ""})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()


def test_check_in_without_javascript(coordinator_client, event):
    registration = RegistrationFactory(event=event, person=UserFactory(name="Paula Präsent"))
    url = _url("events:manage_check_in", event, pk=registration.pk)
    response = coordinator_client.post(url, {"attended": "1", "q": "Paula"})
    assert response.status_code == 302
    assert "q=Paula" in response["Location"]
    registration.refresh_from_db()
    assert registration.attended_at is not None
    coordinator_client.post(url, {})
    registration.refresh_from_db()
    assert registration.attended_at is None
    assert AuditEntry.objects.filter(action="events.registration.checked_in").count() == 1


def test_check_in_with_htmx_returns_the_row(coordinator_client, event):
    registration = RegistrationFactory(event=event)
    url = _url("events:manage_check_in", event, pk=registration.pk)
    response = coordinator_client.post(url, {"attended": "1"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="anmeldung-{registration.pk}"' in content
    assert "checked" in content
    assert 'hx-swap-oob="true">1<' in content
    assert "<html" not in content


def test_cancelled_registrations_cannot_be_checked_in(coordinator_client, event):
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    url = _url("events:manage_check_in", event, pk=registration.pk)
    response = coordinator_client.post(url, {"attended": "1"}, follow=True)
    assert "storniert" in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_check_in_of_another_events_registration_is_404(coordinator_client, event):
    other = RegistrationFactory(event=EventFactory())
    url = _url("events:manage_check_in", event, pk=other.pk)
    assert coordinator_client.post(url, {"attended": "1"}).status_code == 404


def test_attendance_search_finds_by_name(coordinator_client, event, django_assert_max_num_queries):
    event.capacity = None
    event.save()
    RegistrationFactory(event=event, person=UserFactory(name="Paula Präsent"))
    for _ in range(6):
        RegistrationFactory(event=event)
    url = _url("events:manage_attendance", event)
    with django_assert_max_num_queries(9):
        response = coordinator_client.get(url, {"q": "paula"})
    content = response.content.decode()
    assert "Paula Präsent" in content
    assert content.count("ikone-attendance__row") == 1
    fragment = coordinator_client.get(url, {"q": "paula"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()


# --- Figures --------------------------------------------------------------------


@pytest.fixture
def kreise(db):
    land = Municipality.objects.create(
        ags="07", level=Level.STATE, name="Rheinland-Pfalz", name_short="Rheinland-Pfalz"
    )
    kusel = Municipality.objects.create(
        ags="07336", level=Level.DISTRICT, name="Landkreis Kusel", name_short="Kusel", state=land
    )
    kl = Municipality.objects.create(
        ags="07312",
        level=Level.DISTRICT,
        name="Kaiserslautern",
        name_short="Kaiserslautern",
        state=land,
    )
    town = Municipality.objects.create(
        ags="07336050", level=Level.MUNICIPALITY, name="Kusel, Stadt", name_short="Kusel",
        state=land, district=kusel, parent=kusel,
    )  # fmt: skip
    return {"kusel": kusel, "kl": kl, "town": town}


def test_figures_count_people_and_organisations_by_kreis_and_membership(
    kreise, primary_network, django_assert_max_num_queries
):
    event = EventFactory(capacity=None)
    landkreis = OrganizationFactory(name="Landkreis Kusel", municipality=kreise["kusel"])
    town = OrganizationFactory(name="Stadt Kusel", municipality=kreise["town"])
    city = OrganizationFactory(name="Stadt Kaiserslautern", municipality=kreise["kl"])
    NetworkMembership.objects.create(organization=city, network=primary_network)
    for organization, people, attended in ((landkreis, 2, 1), (town, 1, 1), (city, 3, 0)):
        for number in range(people):
            person = MembershipFactory(organization=organization).user
            RegistrationFactory(
                event=event,
                person=person,
                organization=organization,
                attended_at=event.starts_at if number < attended else None,
            )
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED, organization=city)

    with django_assert_max_num_queries(2):
        figures = event_figures(event=event)
    assert figures.total.registered_people == 6
    assert figures.total.registered_organization_count == 3
    assert figures.total.attended_people == 2
    assert figures.total.attended_organization_count == 2
    assert figures.waitlisted == 1
    by_kreis = {group.label: group for group in figures.by_kreis}
    assert by_kreis["Landkreis Kusel"].registered_organization_count == 2
    assert by_kreis["Landkreis Kusel"].attended_people == 2
    assert by_kreis["Kaiserslautern"].registered_people == 3
    members, others = figures.by_network_status
    assert (members.registered_people, members.registered_organization_count) == (3, 1)
    assert (others.attended_people, others.attended_organization_count) == (2, 2)


def test_figures_are_counted_once_per_change(event, primary_network, django_assert_num_queries):
    """The figures are a memo: a second view counts nothing; a new
    registration, a check-in and a new network membership are counted."""
    organization = OrganizationFactory(name="Stadt Kusel")
    RegistrationFactory(event=event, organization=organization)
    assert event_figures(event=event).total.registered_people == 1
    with django_assert_num_queries(0):
        assert event_figures(event=event).total.registered_people == 1
    registration = RegistrationFactory(event=event, organization=organization)
    assert event_figures(event=event).total.registered_people == 2
    registration.attended_at = event.starts_at
    registration.save()
    assert event_figures(event=event).total.attended_people == 1
    NetworkMembership.objects.create(organization=organization, network=primary_network)
    members, _others = event_figures(event=event).by_network_status
    assert members.registered_people == 2


def test_figures_page_query_count_is_constant(
    coordinator_client, kreise, django_assert_max_num_queries
):
    event = EventFactory(capacity=None)
    for number in range(12):
        organization = OrganizationFactory(
            municipality=kreise["town"] if number == 0 else None, name=f"Org {number}"
        )
        RegistrationFactory(event=event, organization=organization, attended_at=event.starts_at)
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(_url("events:manage_figures", event))
    content = response.content.decode()
    assert "Verwaltungen nahmen teil" in content
    assert '<p class="ikone-figures__number">12</p>' in content
    assert "Landkreis Kusel" in content
