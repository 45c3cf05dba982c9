"""Every write of the support app (see the modules' docstrings)."""

from ikone.support.services.contact import ContactData, contact_submit, directory_match
from ikone.support.services.requests import (
    RequestData,
    request_assign,
    request_create,
    request_note,
    request_reply,
    request_requester_reply,
    request_transition,
    request_update,
)

__all__ = [
    "ContactData",
    "RequestData",
    "contact_submit",
    "directory_match",
    "request_assign",
    "request_create",
    "request_note",
    "request_reply",
    "request_requester_reply",
    "request_transition",
    "request_update",
]
