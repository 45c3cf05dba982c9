"""Filing an e-mail answer on its request: find the signed reply address
among the recipients, check that the sender is the requester (or one of
the request's organisation's people on the platform), cut the quoted
notification off and add the rest as the requester's answer."""

from __future__ import annotations

import email
import email.policy
import enum
import re
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from ikone.accounts.models import User
from ikone.core.audit import Actor
from ikone.support import permissions
from ikone.support.exceptions import SupportError
from ikone.support.models import Channel, SupportRequest
from ikone.support.replies import request_id_from
from ikone.support.services import request_requester_reply
from ikone.support.workflow import REQUESTER

# Lines where mail programs start quoting the message answered.
_QUOTE_START = re.compile(
    r"^(>|-----\s*(Original|Ursprüngliche)|Am .+ schrieb .+:$|On .+ wrote:$|Von: |From: )",
    re.IGNORECASE,
)


class Outcome(enum.Enum):
    FILED = "filed"
    NO_ADDRESS = "no signed reply address"
    UNKNOWN_REQUEST = "unknown request"
    WRONG_SENDER = "sender may not answer this request"
    EMPTY = "no text"
    REFUSED = "refused by the workflow"


def reply_text(message: EmailMessage) -> str:
    """The new text of a reply: the plain-text part up to the quote."""
    part = message.get_body(preferencelist=("plain",))
    text = part.get_content() if part is not None else ""
    kept = []
    for line in text.splitlines():
        if _QUOTE_START.match(line.strip()):
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _sender_allowed(sender: str, request: SupportRequest) -> tuple[bool, User | None]:
    if sender.lower() == request.requester_email.lower():
        return True, request.requester
    user = User.objects.filter(email__iexact=sender, is_active=True).first()
    if user is not None and permissions.role_for(user, request) == REQUESTER:
        return True, user
    return False, None


def file_reply(raw: bytes) -> Outcome:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # the default policy always makes one
        return Outcome.EMPTY
    recipients = getaddresses(
        [
            str(value)
            for header in ("To", "Cc", "Delivered-To")
            for value in message.get_all(header, [])
        ]
    )
    ids = [request_id_from(address) for _name, address in recipients]
    request_id = next((pk for pk in ids if pk is not None), None)
    if request_id is None:
        return Outcome.NO_ADDRESS
    request = (
        SupportRequest.objects.select_related("organization", "draft")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        return Outcome.UNKNOWN_REQUEST
    allowed, user = _sender_allowed(parseaddr(str(message.get("From", "")))[1], request)
    if not allowed:
        return Outcome.WRONG_SENDER
    text = reply_text(message)
    if not text:
        return Outcome.EMPTY
    try:
        request_requester_reply(
            request=request,
            text=text,
            actor=Actor(user=user, user_agent="email"),
            channel=Channel.EMAIL,
        )
    except SupportError:
        return Outcome.REFUSED
    return Outcome.FILED
