"""Rendering and sending the application workshop's e-mails."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from ikone.accounts.mail import absolute_url

__all__ = ["absolute_url", "send_templated_mail"]


def send_templated_mail(template: str, recipients: list[str], context: dict[str, Any]) -> None:
    """Render `applications/email/<template>_subject.txt` and `_message.txt`
    in the platform's language and send one mail to each recipient."""
    if not recipients:
        return
    context = {"platform_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject_text = render_to_string(f"applications/email/{template}_subject.txt", context)
        body = render_to_string(f"applications/email/{template}_message.txt", context)
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject_text.split())
    for recipient in recipients:
        send_mail(subject, body, None, [recipient])
