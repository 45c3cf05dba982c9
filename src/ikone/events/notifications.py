"""The events app's notification kinds and the mails they send:
confirmation, waiting-list and move-up mails, cancellation notices,
reminders, coordinators' messages to participants and the request for
feedback.

Registered in `EventsConfig.ready()`; services send them with
`core.mail.notify(kind, id)` after commit. Reminders are sent by
`events.tasks.send_reminder`, which claims each one first.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.core.mail import Attachment, Mail, absolute_url
from ikone.core.models import AuditEntry
from ikone.core.notifications import NotificationKind
from ikone.events.calendar import build_calendar
from ikone.events.models import Event, EventStatus, Registration, RegistrationStatus

REGISTRATION = "events.registration"
MOVED_UP = "events.registration_moved_up"
CANCELLED = "events.event_cancelled"
REMINDER = "events.reminder"
PARTICIPANT_MESSAGE = "events.participant_message"
FEEDBACK_REQUEST = "events.feedback_request"

_BUILDERS = "ikone.events.notifications"
KINDS = (
    NotificationKind(
        REGISTRATION,
        _("Anmeldung zu einer Veranstaltung oder Platz auf der Warteliste"),
        f"{_BUILDERS}.registration_mail",
        description=_(
            "An die angemeldete Person: bestätigt (mit Kalenderdatei) oder auf der Warteliste."
        ),
        mandatory=True,
        templates=("registration_confirmed", "registration_waitlisted"),
    ),
    NotificationKind(
        MOVED_UP,
        _("Von der Warteliste nachgerückt"),
        f"{_BUILDERS}.moved_up_mail",
        description=_("An die Person, die einen frei gewordenen Platz erhält."),
        mandatory=True,
    ),
    NotificationKind(
        CANCELLED,
        _("Veranstaltung abgesagt"),
        f"{_BUILDERS}.cancelled_mails",
        description=_("An alle Angemeldeten und die Warteliste."),
        mandatory=True,
    ),
    NotificationKind(
        REMINDER,
        _("Erinnerung vor einer Veranstaltung"),
        f"{_BUILDERS}.reminder_mail",
        description=_("An die bestätigten Teilnehmenden, einen Tag und eine Stunde vorher."),
        templates=("reminder_day", "reminder_hour"),
    ),
    NotificationKind(
        PARTICIPANT_MESSAGE,
        _("Nachricht der Veranstaltenden an die Teilnehmenden"),
        f"{_BUILDERS}.participant_message_mail",
        description=_("Von der Koordination an die Angemeldeten einer Veranstaltung."),
        mandatory=True,
    ),
    NotificationKind(
        FEEDBACK_REQUEST,
        _("Bitte um Rückmeldung nach einer Veranstaltung"),
        f"{_BUILDERS}.feedback_request_mail",
        description=_("An die Teilnehmenden nach der Veranstaltung."),
    ),
)


def _registration(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("event", "person", "organization")
        .filter(pk=registration_id)
        .first()
    )


def _context(registration: Registration) -> dict[str, Any]:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "person": registration.person,
        "event_url": absolute_url(event.get_absolute_url()),
        "ics_url": absolute_url(reverse("events:ics", kwargs={"slug": event.slug})),
    }


def _ics(event: Event, method: str) -> Attachment:
    """The event as `veranstaltung.ics`; with the meeting link unless cancelled."""
    content = (
        build_calendar([event], method="CANCEL")
        if method == "CANCEL"
        else build_calendar([event], method=method, with_link=True)
    )
    return Attachment(
        "veranstaltung.ics", content, f"text/calendar; charset=utf-8; method={method}"
    )


def registration_mail(registration_id: int) -> Mail | None:
    """The confirmation (with the event as .ics, including the meeting link)
    or the notice of a waiting-list place."""
    registration = _registration(registration_id)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return None
    context = _context(registration)
    if registration.status == RegistrationStatus.CONFIRMED:
        return Mail(
            REGISTRATION,
            [registration.person],
            context,
            template="registration_confirmed",
            attachments=(_ics(registration.event, "REQUEST"),),
        )
    from ikone.events.selectors import waitlist_position

    context["position"] = waitlist_position(registration=registration)
    return Mail(REGISTRATION, [registration.person], context, template="registration_waitlisted")


def moved_up_mail(registration_id: int) -> Mail | None:
    """To a person from the waiting list: they now have a seat."""
    registration = _registration(registration_id)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return None
    return Mail(
        MOVED_UP,
        [registration.person],
        _context(registration),
        attachments=(_ics(registration.event, "REQUEST"),),
    )


def cancelled_mails(event_id: int) -> list[Mail]:
    """To everyone confirmed or waiting: the event is cancelled, with an
    .ics (METHOD:CANCEL, STATUS:CANCELLED) that updates their calendar."""
    event = Event.objects.filter(pk=event_id, status=EventStatus.CANCELLED).first()
    if event is None:
        return []
    ics = _ics(event, "CANCEL")
    registrations = Registration.objects.select_related("person").filter(
        event=event,
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
    )
    mails = []
    for registration in registrations:
        registration.event = event
        mails.append(
            Mail(CANCELLED, [registration.person], _context(registration), attachments=(ics,))
        )
    return mails


def reminder_mail(registration_id: int, kind: str) -> Mail | None:
    """The `day` or `hour` reminder, while the event is still ahead."""
    registration = _registration(registration_id)
    if registration is None:
        return None
    if registration.event.status != EventStatus.PUBLISHED or registration.event.has_started:
        return None
    return Mail(
        REMINDER,
        [registration.person],
        {**_context(registration), "kind": kind},
        template=f"reminder_{kind}",
    )


def _emails(event: Event, statuses: tuple[str, ...]) -> list[str]:
    return list(
        Registration.objects.filter(event=event, status__in=statuses)
        .order_by("person__email")
        .values_list("person__email", flat=True)
        .distinct()
    )


def participant_message_mail(audit_entry_id: int) -> Mail | None:
    """A coordinator's message (recorded as audit entry
    `events.participants.messaged`, so what was sent is exactly what the log
    shows) to the event's participants; replies go to the sender."""
    entry = AuditEntry.objects.filter(
        pk=audit_entry_id, action="events.participants.messaged"
    ).first()
    if entry is None:
        return None
    event = Event.objects.filter(pk=entry.target_id).first()
    if event is None:
        return None
    statuses: tuple[str, ...] = (RegistrationStatus.CONFIRMED,)
    if entry.data.get("include_waitlisted"):
        statuses = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    sender = entry.actor
    return Mail(
        PARTICIPANT_MESSAGE,
        _emails(event, statuses),
        {
            "event": event,
            "subject": entry.data.get("subject", ""),
            "body": entry.data.get("body", ""),
            "sender": sender,
            "event_url": absolute_url(event.get_absolute_url()),
        },
        reply_to=sender.email if sender else "",
    )


def feedback_request_mail(event_id: int) -> Mail | None:
    """To the event's participants (confirmed or checked in): please give feedback."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return None
    recipients = list(
        Registration.objects.filter(event=event)
        .filter(Q(status=RegistrationStatus.CONFIRMED) | Q(attended_at__isnull=False))
        .exclude(status=RegistrationStatus.CANCELLED)
        .values_list("person__email", flat=True)
    )
    return Mail(
        FEEDBACK_REQUEST,
        sorted(set(recipients)),
        {
            "event": event,
            "feedback_url": absolute_url(reverse("events:feedback", kwargs={"slug": event.slug})),
        },
    )
