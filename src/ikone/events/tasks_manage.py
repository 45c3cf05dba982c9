"""Background work of the coordinators' side: messages to participants and
the request for feedback after an event.

Services enqueue these with `transaction.on_commit`, passing only ids: the
message's subject and text are read from its audit entry, so what was sent
is exactly what the log shows."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from ikone.accounts.mail import absolute_url
from ikone.core.models import AuditEntry
from ikone.events.models import Event, Registration, RegistrationStatus


def _send(
    template: str, recipients: list[str], context: dict[str, Any], *, reply_to: str = ""
) -> int:
    """Render `events/manage/email/<template>_subject.txt` and `_message.txt`
    in the platform's language and send one mail per recipient (nobody sees
    the others' addresses). Returns how many were sent."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject_text = render_to_string(f"events/manage/email/{template}_subject.txt", context)
        body = render_to_string(f"events/manage/email/{template}_message.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject_text.split())
    for recipient in recipients:
        message = EmailMessage(
            subject, body, None, [recipient], reply_to=[reply_to] if reply_to else None
        )
        message.send()
    return len(recipients)


def _emails(event: Event, statuses: tuple[str, ...]) -> list[str]:
    return list(
        Registration.objects.filter(event=event, status__in=statuses)
        .order_by("person__email")
        .values_list("person__email", flat=True)
        .distinct()
    )


@task()
def send_participant_message(audit_entry_id: int) -> None:
    """Send a coordinator's message (recorded as audit entry
    `events.participants.messaged`) to the event's participants."""
    entry = AuditEntry.objects.filter(
        pk=audit_entry_id, action="events.participants.messaged"
    ).first()
    if entry is None:
        return
    event = Event.objects.filter(pk=entry.target_id).first()
    if event is None:
        return
    statuses: tuple[str, ...] = (RegistrationStatus.CONFIRMED,)
    if entry.data.get("include_waitlisted"):
        statuses = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    sender = entry.actor
    _send(
        "participant_message",
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


@task()
def send_feedback_request(event_id: int) -> None:
    """Ask the event's participants (confirmed or checked in) for feedback."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return
    recipients = list(
        Registration.objects.filter(event=event)
        .filter(Q(status=RegistrationStatus.CONFIRMED) | Q(attended_at__isnull=False))
        .exclude(status=RegistrationStatus.CANCELLED)
        .values_list("person__email", flat=True)
    )
    _send(
        "feedback_request",
        sorted(set(recipients)),
        {
            "event": event,
            "feedback_url": absolute_url(reverse("events:feedback", kwargs={"slug": event.slug})),
        },
    )
