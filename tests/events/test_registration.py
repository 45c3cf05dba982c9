"""Registering oneself and others, the waiting list, cancelling, and
cancelling an event: the rules of services.registration."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from icalendar import Calendar

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.events.exceptions import RegistrationError
from ikone.events.models import Audience, EventStatus, RegistrationStatus
from ikone.events.selectors import waitlist_position
from ikone.events.services.registration import (
    cancel_event,
    register_other,
    register_self,
    registration_cancel,
    waitlist_promote,
)
from tests.accounts.factories import (
    MembershipFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.events.factories import EventFactory, RegistrationFactory


def actor(user) -> Actor:
    return Actor(user=user)


def test_register_self_confirms_with_the_only_organisation_and_mails_an_ics(
    event, staff_member, organization
):
    registration = register_self(
        event=event,
        actor=actor(staff_member),
        note="Komme später",
        accessibility_needs="Untertitel",
    )
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.organization == organization
    assert registration.note == "Komme später"
    assert registration.accessibility_needs == "Untertitel"
    assert AuditEntry.objects.filter(action="events.registration.created").count() == 1
    [message] = mail.outbox
    assert message.to == [staff_member.email]
    assert "Anmeldung bestätigt" in message.subject
    assert event.meeting_url in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "veranstaltung.ics"
    assert mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]).startswith(f"event-{event.pk}@")
    assert str(calendar["method"]) == "REQUEST"


def test_a_full_event_puts_people_on_the_waiting_list(event):
    first, second, third = UserFactory.create_batch(3)
    assert register_self(event=event, actor=actor(first)).status == RegistrationStatus.CONFIRMED
    assert register_self(event=event, actor=actor(second)).status == RegistrationStatus.CONFIRMED
    waiting = register_self(event=event, actor=actor(third))
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert waitlist_position(registration=waiting) == 1
    assert "Warteliste" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments


def test_the_last_seat_goes_once_even_with_a_stale_event_object(event):
    """Deterministic on every database: both callers hold the same
    (stale) event instance; the service re-reads under the lock."""
    event.capacity = 1
    event.save()
    stale = type(event).objects.get(pk=event.pk)
    one, two = UserFactory.create_batch(2)
    register_self(event=stale, actor=actor(one))
    second = register_self(event=stale, actor=actor(two))
    assert second.status == RegistrationStatus.WAITLISTED
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_registering_twice_is_refused(event, person):
    register_self(event=event, actor=actor(person))
    with pytest.raises(RegistrationError, match="bereits angemeldet"):
        register_self(event=event, actor=actor(person))


def test_after_cancelling_one_may_register_again(event, person):
    registration = register_self(event=event, actor=actor(person))
    registration_cancel(registration=registration, actor=actor(person))
    again = register_self(event=event, actor=actor(person))
    assert again.pk != registration.pk
    assert again.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": EventStatus.DRAFT}, "noch keine Anmeldung"),
        ({"status": EventStatus.CANCELLED}, "abgesagt"),
        ({"starts_at_delta": -1}, "bereits begonnen"),
        ({"deadline_delta": -1}, "Anmeldeschluss"),
    ],
)
def test_status_start_and_deadline_are_checked(person, change, message):
    now = timezone.now()
    fields = {}
    if "status" in change:
        fields["status"] = change["status"]
    if "starts_at_delta" in change:
        fields["starts_at"] = now + datetime.timedelta(hours=change["starts_at_delta"])
        fields["ends_at"] = now + datetime.timedelta(hours=2)
    if "deadline_delta" in change:
        fields["registration_deadline"] = now + datetime.timedelta(hours=change["deadline_delta"])
    event = EventFactory(**fields)
    with pytest.raises(RegistrationError, match=message):
        register_self(event=event, actor=actor(person))


def test_anonymous_cannot_register(event):
    with pytest.raises(PermissionDenied):
        register_self(event=event, actor=Actor(user=None))


def test_municipal_staff_only(person, staff_member):
    event = EventFactory(audience=Audience.MUNICIPAL_STAFF)
    with pytest.raises(RegistrationError, match="Mitarbeitende von Kommunen"):
        register_self(event=event, actor=actor(person))
    assert register_self(event=event, actor=actor(staff_member)).is_active


def test_network_members_only(primary_network, staff_member, organization, other_staff):
    event = EventFactory(audience=Audience.NETWORK_MEMBERS)
    NetworkMembershipFactory(organization=organization, network=primary_network)
    assert register_self(event=event, actor=actor(staff_member)).is_active
    with pytest.raises(RegistrationError, match="kein Mitglied"):
        register_self(event=event, actor=actor(other_staff))


def test_coordinators_may_join_any_audience(coordinator):
    event = EventFactory(audience=Audience.NETWORK_MEMBERS)
    assert register_self(event=event, actor=actor(coordinator)).is_active


def test_people_with_several_organisations_choose_one_of_their_own(
    event, staff_member, organization, other_organization
):
    MembershipFactory(user=staff_member, organization=OrganizationFactory(name="Kreis Cetal"))
    with pytest.raises(RegistrationError, match="Bitte wählen"):
        register_self(event=event, actor=actor(staff_member))
    with pytest.raises(RegistrationError, match="gehören nicht"):
        register_self(event=event, actor=actor(staff_member), organization=other_organization)
    registration = register_self(event=event, actor=actor(staff_member), organization=organization)
    assert registration.organization == organization


def test_cancelling_moves_the_first_waiting_person_up_with_an_email(event):
    one, two, first_waiting, second_waiting = UserFactory.create_batch(4)
    kept = register_self(event=event, actor=actor(one))
    register_self(event=event, actor=actor(two))
    waiting = register_self(event=event, actor=actor(first_waiting))
    later = register_self(event=event, actor=actor(second_waiting))
    assert waitlist_position(registration=later) == 2
    mail.outbox.clear()

    registration_cancel(registration=kept, actor=actor(one))

    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert later.status == RegistrationStatus.WAITLISTED
    assert waitlist_position(registration=later) == 1
    [message] = mail.outbox
    assert message.to == [first_waiting.email]
    assert "nachgerückt" in message.subject
    assert message.attachments


def test_cancelling_a_waiting_place_moves_nobody(event):
    one, two, three = UserFactory.create_batch(3)
    register_self(event=event, actor=actor(one))
    register_self(event=event, actor=actor(two))
    waiting = register_self(event=event, actor=actor(three))
    registration_cancel(registration=waiting, actor=actor(three))
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 2


def test_people_cancel_only_until_the_event_starts(person, coordinator):
    event = EventFactory()
    registration = RegistrationFactory(event=event, person=person)
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(RegistrationError, match="bereits begonnen"):
        registration_cancel(registration=registration, actor=actor(person))
    # The coordination may still correct the list.
    assert registration_cancel(registration=registration, actor=actor(coordinator)).status == (
        RegistrationStatus.CANCELLED
    )


def test_others_cannot_cancel_someone_elses_registration(event, person, staff_member):
    registration = register_self(event=event, actor=actor(person))
    with pytest.raises(PermissionDenied):
        registration_cancel(registration=registration, actor=actor(staff_member))


def test_cancelling_twice_is_refused(event, person):
    registration = register_self(event=event, actor=actor(person))
    registration_cancel(registration=registration, actor=actor(person))
    with pytest.raises(RegistrationError, match="bereits storniert"):
        registration_cancel(registration=registration, actor=actor(person))


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("staff_member", False),
        ("contact_person", False),
        ("mentor", False),
        ("coordinator", True),
        ("admin", True),
    ],
)
def test_register_other_only_for_whoever_runs_the_event(who, allowed, event, person, request):
    user = request.getfixturevalue(who)
    if not allowed:
        with pytest.raises(PermissionDenied):
            register_other(event=event, person=person, actor=actor(user))
        return
    registration = register_other(event=event, person=person, actor=actor(user))
    assert registration.registered_by == user
    assert mail.outbox[-1].to == [person.email]
    assert "Netzwerkkoordination hat Sie" in mail.outbox[-1].body


def test_register_other_ignores_deadline_and_audience_but_not_capacity(coordinator):
    event = EventFactory(
        capacity=1,
        audience=Audience.NETWORK_MEMBERS,
        registration_deadline=timezone.now() - datetime.timedelta(days=1),
    )
    one, two = UserFactory.create_batch(2)
    assert register_other(event=event, person=one, actor=actor(coordinator)).status == "confirmed"
    assert register_other(event=event, person=two, actor=actor(coordinator)).status == "waitlisted"


def test_register_other_checks_the_organisation(coordinator, event, person, organization):
    with pytest.raises(RegistrationError, match="gehört nicht"):
        register_other(
            event=event, person=person, organization=organization, actor=actor(coordinator)
        )


def test_mentors_allowed_on_an_event_register_others(mentor, person):
    event = EventFactory(allow_mentors_to_edit=True)
    assert register_other(event=event, person=person, actor=actor(mentor)).is_active


def test_raising_the_capacity_fills_seats_from_the_waiting_list(event):
    people = UserFactory.create_batch(4)
    for someone in people:
        register_self(event=event, actor=actor(someone))
    event.capacity = 3
    event.save()
    promoted = waitlist_promote(event=event)
    assert [registration.person for registration in promoted] == [people[2]]


def test_cancel_event_notifies_everyone_registered_with_a_cancelling_ics(event, coordinator):
    one, two, waiting = UserFactory.create_batch(3)
    for someone in (one, two, waiting):
        register_self(event=event, actor=actor(someone))
    mail.outbox.clear()
    sequence = event.ics_sequence

    cancel_event(event=event, actor=actor(coordinator), reason="Referentin erkrankt")

    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert event.ics_sequence == sequence + 1
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [one.email, two.email, waiting.email]
    )
    assert "Referentin erkrankt" in mail.outbox[0].body
    calendar = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert str(calendar["method"]) == "CANCEL"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"
    assert int(vevent["sequence"]) == sequence + 1
    with pytest.raises(RegistrationError, match="bereits abgesagt"):
        cancel_event(event=event, actor=actor(coordinator))


@pytest.mark.parametrize("who", ["staff_member", "mentor", "person"])
def test_only_coordinators_cancel_events(who, event, request):
    with pytest.raises(PermissionDenied):
        cancel_event(event=event, actor=actor(request.getfixturevalue(who)))


def test_raising_the_capacity_in_the_editor_moves_people_up(event, coordinator):
    from ikone.events.services import management

    one, two, waiting = UserFactory.create_batch(3)
    for someone in (one, two, waiting):
        register_self(event=event, actor=actor(someone))
    mail.outbox.clear()
    data = management.EventData(
        title=event.title,
        slug=event.slug,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        meeting_url=event.meeting_url,
        capacity=3,
    )
    management.event_update(
        event=event, data=data, based_on=event.version, actor=actor(coordinator)
    )
    assert event.registrations.get(person=waiting).status == RegistrationStatus.CONFIRMED
    assert "nachgerückt" in mail.outbox[-1].subject
