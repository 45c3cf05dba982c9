"""What coordinators do with an event's participants: register someone,
check people in, write to everyone.

Registering goes through `services.registration` (which owns capacity,
the waiting list and the confirmation mail); this module checks that the
actor runs the event and leaves the audit entries.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts.models import Organization, User
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.services import require
from ikone.events import notifications, permissions
from ikone.events.models import Event, Registration, RegistrationStatus

MESSAGE_STATUSES = (RegistrationStatus.CONFIRMED,)
MESSAGE_STATUSES_WITH_WAITLIST = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class NotRegisteredError(DomainError):
    """Only active registrations can be checked in."""


class NoRecipientsError(DomainError):
    """The message would reach nobody."""


def participant_register(
    *,
    event: Event,
    person: User,
    actor: Actor,
    organization: Organization | None = None,
    note: str = "",
) -> Registration:
    """Register another person (confirmed, or on the waiting list when the
    event is full), as the registration service decides."""
    require(permissions.can_manage_participants(actor.user, event))
    from ikone.events.services import registration

    return registration.register_other(
        event=event, person=person, organization=organization, note=note, actor=actor
    )


@transaction.atomic
def attendance_set(*, registration: Registration, attended: bool, actor: Actor) -> Registration:
    """Check a person in (or undo it). Waiting-list people who came anyway
    may be checked in; cancelled registrations may not. Locks the row."""
    require(permissions.can_manage_participants(actor.user, registration.event))
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if locked.status == RegistrationStatus.CANCELLED:
        raise NotRegisteredError(
            _("%(person)s hat die Anmeldung storniert und kann nicht eingecheckt werden.")
            % {"person": registration.person}
        )
    if (locked.attended_at is not None) == attended:
        registration.attended_at = locked.attended_at
        return registration
    locked.attended_at = timezone.now() if attended else None
    locked.save(update_fields=["attended_at", "updated_at"])
    registration.attended_at = locked.attended_at
    audit.record(
        actor,
        "events.registration.checked_in" if attended else "events.registration.check_in_undone",
        target=locked,
        data={"event": registration.event_id},
    )
    return registration


def message_recipient_count(*, event: Event, include_waitlisted: bool) -> int:
    """How many people a message to the participants would reach."""
    statuses = MESSAGE_STATUSES_WITH_WAITLIST if include_waitlisted else MESSAGE_STATUSES
    return Registration.objects.filter(event=event, status__in=statuses).count()


@transaction.atomic
def participants_message(
    *, event: Event, subject: str, body: str, include_waitlisted: bool, actor: Actor
) -> int:
    """Send a message to every confirmed (optionally also waiting-list)
    participant, by a background task after commit. Returns how many
    people it goes to; raises NoRecipientsError when nobody."""
    require(permissions.can_manage_participants(actor.user, event))
    count = message_recipient_count(event=event, include_waitlisted=include_waitlisted)
    if not count:
        raise NoRecipientsError(_("Es gibt noch niemanden, an den die Nachricht gehen könnte."))
    entry = audit.record(
        actor,
        "events.participants.messaged",
        target=event,
        data={
            "subject": subject,
            "body": body,
            "include_waitlisted": include_waitlisted,
            "recipients": count,
        },
    )
    mail.notify(notifications.PARTICIPANT_MESSAGE, entry.pk)
    return count
