"""The reminders one day and one hour before an event (the other mails to
participants are notification kinds in `events.notifications`).

Reminders are sent exactly once even if two workers run the same task:
each first claims its registration with a conditional UPDATE on the
`reminder_*_sent_at` column and sends only if that UPDATE changed a row.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from ikone.core import mail
from ikone.events.models import EventStatus, Registration, RegistrationStatus
from ikone.events.notifications import reminder_mail

REMINDER_DAY = "day"
REMINDER_HOUR = "hour"
REMINDER_FIELDS = {REMINDER_DAY: "reminder_day_sent_at", REMINDER_HOUR: "reminder_hour_sent_at"}
# A reminder is due when the event starts within this span from now.
REMINDER_WINDOWS = {REMINDER_DAY: timedelta(hours=24), REMINDER_HOUR: timedelta(hours=1)}


def claim_reminder(registration_id: int, kind: str) -> bool:
    """Mark the reminder as sent if nobody did yet; True if this caller won.

    One conditional UPDATE, atomic in every database: of two workers
    running the same task, exactly one sees a changed row.
    """
    field = REMINDER_FIELDS[kind]
    return bool(
        Registration.objects.filter(
            pk=registration_id,
            status=RegistrationStatus.CONFIRMED,
            **{f"{field}__isnull": True},
        ).update(**{field: timezone.now()})
    )


def _release_reminder(registration_id: int, kind: str) -> None:
    field = REMINDER_FIELDS[kind]
    Registration.objects.filter(pk=registration_id).update(**{field: None})


@task()
def send_reminder(registration_id: int, kind: str) -> None:
    """Send the `day` or `hour` reminder for one registration, once.

    Claims first (see `claim_reminder`); if sending fails, the claim is
    released so a later run tries again.
    """
    if kind not in REMINDER_FIELDS or not claim_reminder(registration_id, kind):
        return
    reminder = reminder_mail(registration_id, kind)
    if reminder is None:
        return
    reminder.idempotency_key = f"events.reminder:{registration_id}:{kind}"
    try:
        mail.send(reminder)
    except Exception:
        _release_reminder(registration_id, kind)
        raise


def due_reminders(*, now=None) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(registration id, kind) of every reminder due now: confirmed
    registrations for published events that start within 24 hours (day
    reminder, unless the event starts within the hour anyway) or within one
    hour (hour reminder), and whose reminder was not sent."""
    now = now or timezone.now()
    base = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gt=now,
    )
    hour_end = now + REMINDER_WINDOWS[REMINDER_HOUR]
    day_end = now + REMINDER_WINDOWS[REMINDER_DAY]
    day = base.filter(
        Q(event__starts_at__gt=hour_end) & Q(event__starts_at__lte=day_end),
        reminder_day_sent_at__isnull=True,
        # Registered within the last day before the event: the confirmation suffices.
        created_at__lte=F("event__starts_at") - REMINDER_WINDOWS[REMINDER_DAY],
    ).values_list("pk", flat=True)
    hour = base.filter(
        event__starts_at__lte=hour_end, reminder_hour_sent_at__isnull=True
    ).values_list("pk", flat=True)
    return [(pk, REMINDER_DAY) for pk in day] + [(pk, REMINDER_HOUR) for pk in hour]


def enqueue_due_reminders(*, now=None) -> int:  # type: ignore[no-untyped-def]
    """Enqueue a `send_reminder` task for every due reminder; returns how
    many. Safe to run as often as wanted (each reminder is claimed once)."""
    due = due_reminders(now=now)
    for registration_id, kind in due:
        send_reminder.enqueue(registration_id, kind)
    return len(due)
