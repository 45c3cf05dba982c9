"""Registrations: registering oneself or others, the waiting list,
cancelling, and cancelling a whole event.

Capacity holds under concurrency: every function that changes how many
seats are taken first locks the event row (`select_for_update` inside
`transaction.atomic`; on SQLite the write transaction serialises), then
counts the confirmed registrations. Two people asking for the last seat at
the same time therefore queue on the lock; the second one lands on the
waiting list.

Mails go out by background tasks enqueued on commit (see `events.notifications`).

Stable entry points for other modules (E2's management views call these):
`register_self`, `register_other`, `registration_cancel`,
`registrations_release`, `waitlist_promote`, `cancel_event`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts.models import Membership, NetworkMembership, Organization, User
from ikone.accounts.permissions import is_network_coordinator
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.services import require_user
from ikone.events import notifications, permissions
from ikone.events.exceptions import RegistrationError
from ikone.events.models import (
    Audience,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
)

ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def _lock_event(event: Event) -> Event:
    """The event row, locked until the surrounding transaction ends."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _check_open(event: Event) -> None:
    """Status and time rules that apply to everyone who registers."""
    if event.status == EventStatus.CANCELLED:
        raise RegistrationError(_("Die Veranstaltung wurde abgesagt."))
    if event.status != EventStatus.PUBLISHED:
        raise RegistrationError(_("Für diese Veranstaltung ist noch keine Anmeldung möglich."))
    if event.has_started:
        raise RegistrationError(_("Die Veranstaltung hat bereits begonnen."))


def _check_deadline(event: Event) -> None:
    if event.registration_deadline is not None and event.registration_deadline < timezone.now():
        raise RegistrationError(_("Der Anmeldeschluss ist vorbei."))


def _organizations_of(person: User) -> list[Organization]:
    return [
        membership.organization
        for membership in Membership.objects.filter(user=person).select_related("organization")
    ]


def _is_network_member(organization: Organization) -> bool:
    return (
        NetworkMembership.objects.in_primary_network()
        .current()
        .filter(organization=organization)
        .exists()
    )


def _choose_organization(person: User, organization: Organization | None) -> Organization | None:
    """The organisation the person registers for: one of their own. When
    they belong to exactly one, that one is taken without asking."""
    own = _organizations_of(person)
    if organization is None:
        if len(own) > 1:
            raise RegistrationError(
                _("Bitte wählen Sie, für welche Organisation Sie sich anmelden.")
            )
        return own[0] if own else None
    if organization.pk not in {org.pk for org in own}:
        raise RegistrationError(_("Sie gehören nicht zu dieser Organisation."))
    return organization


def _check_audience(event: Event, person: User, organization: Organization | None) -> None:
    """Municipal staff: the person registers for an organisation (every
    organisation on the platform is municipal). Network members: for an
    organisation that is a current member of the primary network.
    Coordinators may always take part."""
    if event.audience == Audience.EVERYONE or is_network_coordinator(person):
        return
    if organization is None:
        raise RegistrationError(
            _("Diese Veranstaltung richtet sich an Mitarbeitende von Kommunen.")
            if event.audience == Audience.MUNICIPAL_STAFF
            else _("Diese Veranstaltung richtet sich an Mitglieder des Netzwerks.")
        )
    if event.audience == Audience.NETWORK_MEMBERS and not _is_network_member(organization):
        raise RegistrationError(
            _(
                "Diese Veranstaltung richtet sich an Mitglieder des Netzwerks; „%(org)s“ ist kein Mitglied."
            )
            % {"org": organization.name}
        )


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def _has_free_seat(event: Event) -> bool:
    """Expects the event row to be locked by the caller."""
    return event.capacity is None or _confirmed_count(event) < event.capacity


def _create(
    *,
    event: Event,
    person: User,
    organization: Organization | None,
    note: str,
    accessibility_needs: str,
    registered_by: User | None,
) -> Registration:
    """Create a confirmed or waitlisted registration. Expects the event row
    locked (the caller runs inside `transaction.atomic`)."""
    if Registration.objects.filter(
        event=event, person=person, status__in=ACTIVE_STATUSES
    ).exists():
        raise RegistrationError(
            _("%(person)s ist für diese Veranstaltung bereits angemeldet.") % {"person": person}
        )
    now = timezone.now()
    free = _has_free_seat(event)
    registration = Registration(
        event=event,
        person=person,
        organization=organization,
        status=RegistrationStatus.CONFIRMED if free else RegistrationStatus.WAITLISTED,
        confirmed_at=now if free else None,
        waitlisted_at=None if free else now,
        note=note.strip(),
        accessibility_needs=accessibility_needs.strip(),
        registered_by=registered_by,
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # the same person, twice at once
        raise RegistrationError(
            _("%(person)s ist für diese Veranstaltung bereits angemeldet.") % {"person": person}
        ) from error
    return registration


@transaction.atomic
def register_self(
    *,
    event: Event,
    actor: Actor,
    organization: Organization | None = None,
    note: str = "",
    accessibility_needs: str = "",
) -> Registration:
    """Register the acting person: confirmed while seats are free, else on
    the waiting list. `organization` must be one of the person's own (may
    be omitted when they belong to at most one).

    Checks status (published), start, deadline and audience; raises
    RegistrationError with a German message otherwise. Locks the event row.
    Sends the confirmation (or waiting-list) mail after commit.
    """
    person = require_user(actor)
    event = _lock_event(event)
    _check_open(event)
    _check_deadline(event)
    organization = _choose_organization(person, organization)
    _check_audience(event, person, organization)
    registration = _create(
        event=event,
        person=person,
        organization=organization,
        note=note,
        accessibility_needs=accessibility_needs,
        registered_by=None,
    )
    audit.record(
        actor,
        "events.registration.created",
        target=registration,
        data={"event": event.pk, "status": registration.status},
    )
    mail.notify(notifications.REGISTRATION, registration.pk)
    return registration


@transaction.atomic
def register_other(
    *,
    event: Event,
    person: User,
    actor: Actor,
    organization: Organization | None = None,
    note: str = "",
    accessibility_needs: str = "",
) -> Registration:
    """A coordinator (or whoever runs the event) registers someone else.

    Deadline and audience do not apply (the coordinator decides), status
    and start do, and so does capacity: when full, the person joins the
    waiting list. `organization` may be any organisation the person belongs
    to, or None. Locks the event row; mails the person after commit.
    """
    if not permissions.can_manage_participants(actor.user, event):
        raise PermissionDenied
    event = _lock_event(event)
    _check_open(event)
    if (
        organization is not None
        and not Membership.objects.filter(user=person, organization=organization).exists()
    ):
        raise RegistrationError(
            _("%(person)s gehört nicht zu „%(org)s“.") % {"person": person, "org": organization}
        )
    registration = _create(
        event=event,
        person=person,
        organization=organization,
        note=note,
        accessibility_needs=accessibility_needs,
        registered_by=actor.user,
    )
    audit.record(
        actor,
        "events.registration.created_for_other",
        target=registration,
        data={"event": event.pk, "person": person.pk, "status": registration.status},
    )
    mail.notify(notifications.REGISTRATION, registration.pk)
    return registration


def _promote(event: Event) -> list[Registration]:
    """Move waiting-list people up while seats are free, first come first
    served. Expects the event row locked. Mails each after commit."""
    if event.status != EventStatus.PUBLISHED or event.has_started:
        return []
    promoted: list[Registration] = []
    waiting = Registration.objects.filter(
        event=event, status=RegistrationStatus.WAITLISTED
    ).order_by("waitlisted_at", "pk")
    free = None if event.capacity is None else event.capacity - _confirmed_count(event)
    for registration in waiting[:free] if free is not None else waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        audit.record(
            Actor.system(),
            "events.registration.moved_up",
            target=registration,
            data={"event": event.pk},
        )
        mail.notify(notifications.MOVED_UP, registration.pk)
        promoted.append(registration)
    return promoted


@transaction.atomic
def waitlist_promote(*, event: Event) -> list[Registration]:
    """Fill free seats from the waiting list (e.g. after the capacity was
    raised). Locks the event row; returns the people who moved up."""
    return _promote(_lock_event(event))


@transaction.atomic
def registration_cancel(*, registration: Registration, actor: Actor) -> Registration:
    """Cancel a registration: the person themselves until the event starts,
    or whoever runs the event (any time). A freed seat goes to the first
    person on the waiting list, who gets an e-mail. Locks the event row.
    """
    user = require_user(actor)
    own = registration.person_id == user.pk
    manager = permissions.can_manage_participants(user, registration.event)
    if not own and not manager:
        raise PermissionDenied
    event = _lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError(_("Diese Anmeldung ist bereits storniert."))
    if event.has_started and not manager:
        raise RegistrationError(
            _("Die Veranstaltung hat bereits begonnen; eine Stornierung ist nicht mehr möglich.")
        )
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    audit.record(
        actor,
        "events.registration.cancelled",
        target=registration,
        data={"event": event.pk, "by_person": own},
    )
    if was_confirmed:
        _promote(event)
    return registration


@transaction.atomic
def registrations_release(*, person: User, actor: Actor) -> list[Registration]:
    """Cancel the person's active registrations for events that have not
    started, each through `registration_cancel` (so freed seats go to the
    waiting list and the people moving up are told). Called when the
    person's account is deleted; past registrations stay as the record of
    attendance until the account row goes. Returns the cancelled ones."""
    upcoming = Registration.objects.filter(
        person=person, status__in=ACTIVE_STATUSES, event__starts_at__gt=timezone.now()
    ).select_related("event")
    return [
        registration_cancel(registration=registration, actor=actor) for registration in upcoming
    ]


@transaction.atomic
def cancel_event(*, event: Event, actor: Actor, reason: str = "") -> Event:
    """Cancel an event (coordinators): status CANCELLED, a new calendar
    SEQUENCE and version, and an e-mail with the cancellation (and an .ics
    that removes it from calendars) to everyone confirmed or waiting.
    Registrations stay as they were, as the record of who had registered.
    Locks the event row. Raises RegistrationError if already cancelled.
    """
    if not permissions.can_cancel_event(actor.user, event):
        if event.status == EventStatus.CANCELLED:
            raise RegistrationError(_("Die Veranstaltung ist bereits abgesagt."))
        raise PermissionDenied
    locked = _lock_event(event)
    if locked.status == EventStatus.CANCELLED:
        raise RegistrationError(_("Die Veranstaltung ist bereits abgesagt."))
    was_published = locked.status == EventStatus.PUBLISHED
    Event.objects.filter(pk=locked.pk).update(
        status=EventStatus.CANCELLED,
        cancelled_at=timezone.now(),
        cancellation_reason=reason.strip(),
        ics_sequence=F("ics_sequence") + 1,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    event.refresh_from_db()
    audit.record(
        actor, "events.event.cancelled", target=event, data={"reason": event.cancellation_reason}
    )
    if was_published:
        mail.notify(notifications.CANCELLED, event.pk)
    return event
