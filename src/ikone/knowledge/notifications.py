"""The knowledge app's mails: a reported barrier to the coordinators, and
the confirmation to the sender."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind
from ikone.knowledge.accessibility import AccessibilityFeedback
from ikone.knowledge.feedback import CONFIRMATION_KIND, COORDINATORS_KIND

KINDS = (
    NotificationKind(
        COORDINATORS_KIND,
        _("Gemeldete Barriere"),
        "ikone.knowledge.notifications.feedback_mail",
        description=_("An die Netzwerkkoordination, wenn jemand eine Barriere meldet."),
        mandatory=True,
    ),
    NotificationKind(
        CONFIRMATION_KIND,
        _("Eingangsbestätigung einer gemeldeten Barriere"),
        "ikone.knowledge.notifications.confirmation_mail",
        description=_("An die Person, die eine Barriere gemeldet hat."),
        mandatory=True,
    ),
)


def _context(feedback: AccessibilityFeedback) -> dict[str, object]:
    return {"feedback": feedback, "page_link": absolute_url(feedback.page_url)}


def feedback_mail(feedback_id: int) -> Mail | None:
    """To every active coordinator; replies go to the sender if known."""
    feedback = AccessibilityFeedback.objects.filter(pk=feedback_id).first()
    if feedback is None:
        return None
    coordinators = get_user_model().objects.filter(is_coordinator=True, is_active=True)
    return Mail(
        COORDINATORS_KIND,
        list(coordinators.order_by("pk")),
        _context(feedback),
        template="accessibility_feedback",
        reply_to=feedback.email,
    )


def confirmation_mail(feedback_id: int) -> Mail | None:
    feedback = AccessibilityFeedback.objects.filter(pk=feedback_id).first()
    if feedback is None or not feedback.email:
        return None
    recipient = feedback.user if feedback.user is not None else feedback.email
    return Mail(
        CONFIRMATION_KIND,
        [recipient],
        _context(feedback),
        template="accessibility_feedback_confirmation",
    )
