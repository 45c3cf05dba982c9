"""Who may see and handle support requests.

A request is the requesting organisation's private data: its people and
the person who asked see it; coordinators and the mentor it is assigned to
handle it. A request attached to a draft follows the draft's stricter rule
(docs/visibility.md): only those who may see the draft see the request, so
coordinators only while the organisation shares the draft with the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts.permissions import is_network_coordinator, is_signed_in, role_in
from ikone.applications.permissions import can_view_draft
from ikone.support.models import Source
from ikone.support.workflow import HANDLER, REQUESTER

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser
    from ikone.support.models import SupportRequest


def is_requester_side(user: AnyUser | None, request: SupportRequest) -> bool:
    """The person who asked, or a person of the requesting organisation. A
    contact message only names an organisation (anyone may type its name),
    so only its sender sees it."""
    if not is_signed_in(user):
        return False
    if request.requester_id == user.pk:
        return True
    if request.source != Source.PLATFORM or request.organization is None:
        return False
    return role_in(user, request.organization) is not None


def is_handler(user: AnyUser | None, request: SupportRequest) -> bool:
    """A coordinator, or the mentor the request is assigned to."""
    if not is_signed_in(user):
        return False
    if is_network_coordinator(user):
        return True
    return request.assignee_id == user.pk


def can_view_request(user: AnyUser | None, request: SupportRequest) -> bool:
    if not is_signed_in(user):
        return False
    if request.draft is not None and not can_view_draft(user, request.draft):
        return False
    return is_requester_side(user, request) or is_handler(user, request)


def can_handle_request(user: AnyUser | None, request: SupportRequest) -> bool:
    """Assign, answer, note, change status, priority and due date."""
    return can_view_request(user, request) and is_handler(user, request)


def role_for(user: AnyUser | None, request: SupportRequest) -> str | None:
    """HANDLER, REQUESTER or None, for the workflow table."""
    if not can_view_request(user, request):
        return None
    return HANDLER if is_handler(user, request) else REQUESTER


def can_view_queue(user: AnyUser | None) -> bool:
    """The queue and the figures: coordinators and operators."""
    return is_network_coordinator(user)


def can_create_request(user: AnyUser | None) -> bool:
    return is_signed_in(user)
