"""allauth hooks: where people land after signing in, and how allauth's own
mails (address confirmation, password reset, security notices) are sent."""

from __future__ import annotations

import hashlib
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.urls import reverse

from ikone.core import mail

INVITATION_SESSION_KEY = "accounts.invitation_token"


def account_mail_key(template_prefix: str, message: EmailMessage) -> str:
    """The idempotency key of one allauth mail: a hash of what it is
    (template), to whom and what it says. Its links carry the token of the
    action (confirmation key, reset token, code), so asking again makes a
    new token and a new mail, while the same message handed over twice (a
    retried request, a double submit) is recognised and sent once."""
    parts = [template_prefix, *sorted(address.lower() for address in message.to)]
    parts += [str(message.subject), str(message.body)]
    parts += [str(content) for content, _mimetype in getattr(message, "alternatives", [])]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Back to an invitation opened before signing in or up; else the profile.

        An explicit `next` parameter still wins (allauth checks it first)."""
        token = request.session.get(INVITATION_SESSION_KEY)
        if token:
            return reverse("accounts:invitation", kwargs={"token": token})
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """As allauth's own, but through the platform's mail path
        (`core.mail.send_once`): the message carries an idempotency key
        recorded before sending, like every other mail of the platform, and
        is sent at most once."""
        request = allauth_context.request
        full_context = {"request": request, "email": email}
        full_context["current_site"] = get_current_site(request)
        full_context.update(context)
        message = self.render_mail(template_prefix, email, full_context)
        kind = "allauth." + template_prefix.rpartition("/")[2]
        mail.send_once(account_mail_key(template_prefix, message), kind, lambda: message)
