"""Sending the events app's participant e-mails, optionally with an .ics
attachment. Templates: `events/email/<name>_subject.txt` and
`<name>_message.txt`, rendered in the platform's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from ikone.accounts.mail import absolute_url

__all__ = ["absolute_url", "send_event_mail"]


def send_event_mail(
    template: str,
    recipient: str,
    context: dict[str, Any],
    *,
    ics: bytes | None = None,
    ics_method: str = "REQUEST",
) -> None:
    """Render and send one mail; attach `ics` as `veranstaltung.ics`."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject_text = render_to_string(f"events/email/{template}_subject.txt", context)
        body = render_to_string(f"events/email/{template}_message.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject_text.split())
    message = EmailMessage(subject, body, None, [recipient])
    if ics is not None:
        message.attach(
            "veranstaltung.ics", ics, f"text/calendar; charset=utf-8; method={ics_method}"
        )
    message.send()
