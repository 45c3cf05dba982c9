"""The support app's notification kinds and the mails they send
(registered in `SupportConfig.ready()`; services send them after commit).

Mails about a request name its subject, so they go only to people who may
see it: the sender, the handlers (coordinators only while a draft the
request is attached to is shared with the network)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import User
from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind
from ikone.support import permissions
from ikone.support.models import SupportMessage, SupportRequest
from ikone.support.replies import reply_address

CONTACT_CONFIRMATION = "support.contact_confirmation"
NEW_REQUEST = "support.new_request"
ASSIGNED = "support.assigned"
REPLY = "support.reply"
REQUESTER_REPLY = "support.requester_reply"

KINDS = (
    NotificationKind(
        CONTACT_CONFIRMATION,
        _("Eingangsbestätigung einer Nachricht über das Kontaktformular"),
        "ikone.support.notifications.contact_confirmation_mail",
        description=_("An die Person, die das Kontaktformular geschickt hat."),
        mandatory=True,
    ),
    NotificationKind(
        NEW_REQUEST,
        _("Neue Unterstützungsanfrage"),
        "ikone.support.notifications.new_request_mail",
        description=_("An die Netzwerkkoordination."),
    ),
    NotificationKind(
        ASSIGNED,
        _("Unterstützungsanfrage zugewiesen"),
        "ikone.support.notifications.assigned_mail",
        description=_("An die Person, der die Anfrage zugewiesen wurde."),
        mandatory=True,
    ),
    NotificationKind(
        REPLY,
        _("Antwort auf die eigene Unterstützungsanfrage"),
        "ikone.support.notifications.reply_mail",
        description=_("An die anfragende Person, mit einer Antwortadresse für Rückmeldungen."),
        mandatory=True,
    ),
    NotificationKind(
        REQUESTER_REPLY,
        _("Rückmeldung zu einer Unterstützungsanfrage"),
        "ikone.support.notifications.requester_reply_mail",
        description=_("An die zuständige Person, sonst an die Netzwerkkoordination."),
    ),
)


def _request(pk: int) -> SupportRequest | None:
    return (
        SupportRequest.objects.select_related("draft", "organization", "assignee", "requester")
        .filter(pk=pk)
        .first()
    )


def _coordinators(request: SupportRequest) -> list[User]:
    return [
        user
        for user in User.objects.filter(is_coordinator=True, is_active=True)
        if permissions.can_view_request(user, request)
    ]


def _context(request: SupportRequest) -> dict:
    return {
        "request": request,
        "topic": request.get_topic_display(),
        "request_url": absolute_url(reverse("support:detail", kwargs={"pk": request.pk})),
    }


def contact_confirmation_mail(request_id: int) -> Mail | None:
    request = _request(request_id)
    if request is None:
        return None
    return Mail(
        CONTACT_CONFIRMATION,
        [request.requester or request.requester_email],
        {**_context(request), "message": request.message},
        reply_to=reply_address(request.pk),
    )


def new_request_mail(request_id: int) -> Mail | None:
    request = _request(request_id)
    if request is None:
        return None
    return Mail(NEW_REQUEST, _coordinators(request), _context(request))


def assigned_mail(request_id: int) -> Mail | None:
    request = _request(request_id)
    if request is None or request.assignee is None:
        return None
    if not permissions.can_view_request(request.assignee, request):
        return None
    return Mail(ASSIGNED, [request.assignee], _context(request))


def reply_mail(message_id: int) -> Mail | None:
    """The answer's text to the requester, with a reply-to address that
    files their e-mail answer on the request."""
    message = SupportMessage.objects.filter(pk=message_id).first()
    if message is None:
        return None
    request = _request(message.request_id)
    if request is None:
        return None
    recipient = request.requester if request.requester else request.requester_email
    return Mail(
        REPLY,
        [recipient],
        {**_context(request), "text": message.text, "author": message.author_name},
        reply_to=reply_address(request.pk),
    )


def requester_reply_mail(message_id: int) -> Mail | None:
    message = SupportMessage.objects.filter(pk=message_id).first()
    if message is None:
        return None
    request = _request(message.request_id)
    if request is None:
        return None
    recipients = [request.assignee] if request.assignee else _coordinators(request)
    recipients = [user for user in recipients if permissions.can_view_request(user, request)]
    return Mail(REQUESTER_REPLY, recipients, {**_context(request), "text": message.text})
