"""Signed reply-to addresses: a reply by e-mail to a notification about
request 42 goes to `support+42-<signature>@<domain>`; the signature (HMAC
of the id with the secret key) stops anyone from writing into other
requests by guessing ids. `ikone fetch_support_replies` reads the mailbox
(docs/support.md)."""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings

SIGNATURE_LENGTH = 16
_ADDRESS = re.compile(r"^[^+@\s]+\+(?P<id>\d+)-(?P<sig>[0-9a-f]+)@", re.IGNORECASE)


def _signature(request_id: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"support-reply:{request_id}".encode(), hashlib.sha256
    ).hexdigest()
    return digest[:SIGNATURE_LENGTH]


def reply_address(request_id: int) -> str:
    """The reply-to address for mails about this request ("" when the
    installation has no reply mailbox, then replies happen on the platform)."""
    mailbox = settings.IKONE_SUPPORT_REPLY_ADDRESS
    if not mailbox or "@" not in mailbox:
        return ""
    local, domain = mailbox.split("@", 1)
    return f"{local}+{request_id}-{_signature(request_id)}@{domain}"


def request_id_from(address: str) -> int | None:
    """The request id of a signed reply address, or None when it is not one
    or the signature is wrong."""
    match = _ADDRESS.match(address.strip().strip("<>"))
    if match is None:
        return None
    request_id = int(match["id"])
    if not hmac.compare_digest(match["sig"].lower(), _signature(request_id)):
        return None
    return request_id
