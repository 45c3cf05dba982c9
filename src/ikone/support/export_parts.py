"""The support app's part of the personal data export
(ikone.core.personal_data): the requests the person sent (with the thread
they can read), the requests assigned to them, and the messages they
wrote."""

from __future__ import annotations

from typing import Any

from ikone.core.personal_data import ExportPart, register, when
from ikone.support.models import MessageKind, SupportMessage, SupportRequest


def _requests(user: Any) -> list[dict[str, Any]]:
    requests = SupportRequest.objects.filter(requester=user).prefetch_related("messages")
    return [
        {
            "id": request.pk,
            "subject": request.subject,
            "message": request.message,
            "topic": request.topic,
            "status": request.status,
            "email": request.requester_email,
            "created_at": when(request.created_at),
            "thread": [
                {"kind": message.kind, "text": message.text, "at": when(message.created_at)}
                for message in request.messages.all()
                if message.kind != MessageKind.NOTE
            ],
        }
        for request in requests.order_by("pk")
    ]


def _assigned(user: Any) -> list[dict[str, Any]]:
    # Handling a request is work for the network; the request's content
    # belongs to the requester, so only ids and states are listed.
    return [
        {"id": pk, "status": status}
        for pk, status in SupportRequest.objects.filter(assignee=user)
        .order_by("pk")
        .values_list("pk", "status")
    ]


def _messages(user: Any) -> list[dict[str, Any]]:
    return [
        {"request": request_id, "kind": kind, "text": text, "at": when(created)}
        for request_id, kind, text, created in SupportMessage.objects.filter(author=user)
        .order_by("pk")
        .values_list("request_id", "kind", "text", "created_at")
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "support_requests",
            _requests,
            covers=("support.SupportRequest.requester", "support.SupportRequest.requester_email"),
            note="support requests the person sent, with the thread they read",
        ),
        ExportPart(
            "support_assigned",
            _assigned,
            covers=("support.SupportRequest.assignee",),
            note="support requests assigned to the person (ids and status)",
        ),
        ExportPart(
            "support_messages",
            _messages,
            covers=("support.SupportMessage.author",),
            note="messages the person wrote on support requests",
        ),
    )
