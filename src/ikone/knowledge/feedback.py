"""Reporting a barrier: the form, the service and the extension point.

The service stores the report and, after commit, tells the coordinators by
e-mail and confirms to the sender. An app that turns reports into its own
records (the support app's requests) registers a receiver in its
`AppConfig.ready()`; then the coordinators hear of it there instead of by
e-mail:

    from ikone.knowledge import feedback
    feedback.register_receiver(feedback.Receiver("support", "ikone.support.receivers.from_accessibility_feedback"))

The receiver is called with the report's id after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit

from django import forms
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ikone.core import mail
from ikone.core.audit import Actor
from ikone.core.registry import Registry
from ikone.knowledge.accessibility import AccessibilityFeedback

COORDINATORS_KIND = "knowledge.accessibility_feedback"
CONFIRMATION_KIND = "knowledge.accessibility_feedback_confirmation"


@dataclass(frozen=True)
class Receiver:
    key: str
    handler: str  # dotted path of a callable taking the report's id


RECEIVERS: Registry[Receiver] = Registry(
    "Accessibility feedback receivers",
    key=lambda receiver: receiver.key,
    describe=lambda receiver: f"{receiver.key}: {receiver.handler}",
)


def register_receiver(receiver: Receiver) -> Receiver:
    return RECEIVERS.register(receiver)


class FeedbackForm(forms.Form):
    page_url = forms.CharField(
        label=_("Auf welcher Seite ist die Barriere?"),
        max_length=500,
        help_text=_("Die Adresse der Seite, z. B. /veranstaltungen/"),
        error_messages={"required": _("Bitte geben Sie die Seite an.")},
    )
    description = forms.CharField(
        label=_("Was ist das Problem?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Beschreiben Sie, was nicht funktioniert und womit Sie die Seite nutzen."),
        error_messages={"required": _("Bitte beschreiben Sie die Barriere.")},
    )
    name = forms.CharField(label=_("Ihr Name (freiwillig)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        required=False,
        help_text=_("Nur für eine Antwort und die Eingangsbestätigung."),
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
    )


def page_path(value: str, *, host: str) -> str:
    """The path of `value` if it is an address of this site, else ""."""
    parts = urlsplit(value or "")
    if parts.netloc and parts.netloc != host:
        return ""
    if not parts.path.startswith("/"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


@transaction.atomic
def feedback_submit(
    *,
    actor: Actor,
    page_url: str,
    description: str,
    name: str = "",
    email: str = "",
    language: str = "de",
) -> AccessibilityFeedback:
    """Store a barrier report; after commit the registered receivers get it,
    or (with none) the coordinators by e-mail; the sender gets a
    confirmation if an address is known (given, or the signed-in person's)."""
    user = actor.user if actor.user is not None and actor.user.is_authenticated else None
    feedback = AccessibilityFeedback(
        page_url=page_url.strip(),
        description=description.strip(),
        name=name.strip(),
        email=email.strip() or (user.email if user is not None else ""),
        user=user,
        language=language,
    )
    feedback.full_clean()
    feedback.save()
    receivers = list(RECEIVERS)
    if receivers:
        for receiver in receivers:
            transaction.on_commit(partial(import_string(receiver.handler), feedback.pk))
    else:
        mail.notify(COORDINATORS_KIND, feedback.pk)
    if feedback.email:
        mail.notify(CONFIRMATION_KIND, feedback.pk)
    return feedback
