"""Writes of support requests: create, assign, update, reply, note, move.

Every service checks the permission again, changes the row only if its
`version` is still the one the form showed (else `StaleRequest`: nobody's
change is silently overwritten), writes an audit entry
`support.request.<verb>` (type and id only: requests are private) and
mails after commit through `core.mail.notify`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts.models import NetworkMembership, Organization, User
from ikone.accounts.permissions import role_in
from ikone.core import audit, mail
from ikone.core.services import Actor, require, require_user
from ikone.support import notifications, permissions
from ikone.support.exceptions import StaleRequest, SupportError
from ikone.support.models import (
    Channel,
    MessageKind,
    Priority,
    Source,
    SupportMessage,
    SupportRequest,
)
from ikone.support.workflow import HANDLER, REQUESTER, Action, Status, target

TEXT_MAX = 10_000


@dataclass(frozen=True)
class RequestData:
    topic: str
    subject: str
    message: str
    organization: Organization | None = None
    draft: Any = None
    question: Any = None


def is_network_member(organization: Organization | None) -> bool:
    if organization is None:
        return False
    return (
        NetworkMembership.objects.in_primary_network()
        .current()
        .filter(organization=organization)
        .exists()
    )


@transaction.atomic
def request_create(*, data: RequestData, actor: Actor) -> SupportRequest:
    """A signed-in person's request, for one of their organisations (or
    none). A draft must belong to that organisation and be shared (with the
    network or a mentor), so that someone who handles the request may read
    it; who sees the request follows the draft (permissions.py)."""
    user: User = require_user(actor)
    require(permissions.can_create_request(user))
    if data.organization is not None and role_in(user, data.organization) is None:
        raise PermissionDenied
    if data.draft is not None:
        if data.organization is None or data.draft.organization_id != data.organization.pk:
            raise SupportError(_("Der Entwurf gehört nicht zur gewählten Organisation."))
        if not (data.draft.shared_with_network or data.draft.mentor_shares.exists()):
            raise SupportError(
                _(
                    "Teilen Sie den Entwurf zuerst mit der Netzwerkkoordination oder einer "
                    "Mentorin, einem Mentor – sonst kann ihn niemand für Ihre Anfrage lesen."
                )
            )
    request = SupportRequest(
        topic=data.topic,
        subject=data.subject,
        message=data.message,
        source=Source.PLATFORM,
        requester=user,
        requester_name=user.name or user.email,
        requester_email=user.email,
        organization=data.organization,
        organization_name=data.organization.name if data.organization else "",
        draft=data.draft,
        question=data.question,
        is_member=is_network_member(data.organization),
    )
    request.full_clean()
    request.save()
    audit.record(actor, "support.request.created", target=request)
    mail.notify(notifications.NEW_REQUEST, request.pk)
    return request


def _locked(request: SupportRequest, based_on: int) -> SupportRequest:
    """The row under lock, if its version is still `based_on`."""
    current = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if current.version != based_on:
        raise StaleRequest(
            _("Jemand hat die Anfrage inzwischen geändert. Bitte prüfen Sie den neuen Stand.")
        )
    return current


def _save(request: SupportRequest, fields: list[str]) -> None:
    request.version = F("version") + 1  # type: ignore[assignment]
    request.save(update_fields=[*fields, "version", "updated_at"])
    request.refresh_from_db(fields=["version"])


def _move(request: SupportRequest, action: str, role: str) -> str:
    new_state = target(request.status, action, role)
    if new_state is None:
        raise SupportError(_("Das ist im aktuellen Status nicht möglich."))
    return new_state


@transaction.atomic
def request_assign(
    *, request: SupportRequest, assignee: User | None, based_on: int, actor: Actor
) -> SupportRequest:
    """Give the request to a coordinator or mentor (None: back to the queue)."""
    user = require_user(actor)
    require(permissions.can_handle_request(user, request))
    if assignee is not None and not (assignee.is_coordinator or assignee.is_mentor):
        raise SupportError(_("Zuständig können Koordination und Mentor:innen sein."))
    current = _locked(request, based_on)
    current.assignee = assignee
    current.status = _move(current, Action.ASSIGN, HANDLER) if assignee else Status.NEW
    _save(current, ["assignee", "status"])
    audit.record(
        actor,
        "support.request.assigned",
        target=current,
        data={"assignee": assignee.pk if assignee else None},
    )
    if assignee is not None and assignee.pk != user.pk:
        mail.notify(notifications.ASSIGNED, current.pk)
    return current


@transaction.atomic
def request_update(
    *,
    request: SupportRequest,
    priority: str,
    due_date: dt.date | None,
    based_on: int,
    actor: Actor,
) -> SupportRequest:
    """Priority and due date."""
    user = require_user(actor)
    require(permissions.can_handle_request(user, request))
    if priority not in Priority.values:
        raise SupportError(_("Unbekannte Priorität."))
    current = _locked(request, based_on)
    changed = [
        name
        for name, value in (("priority", priority), ("due_date", due_date))
        if getattr(current, name) != value
    ]
    current.priority, current.due_date = priority, due_date
    _save(current, ["priority", "due_date"])
    audit.record(actor, "support.request.updated", target=current, data={"fields": changed})
    return current


@transaction.atomic
def request_transition(
    *, request: SupportRequest, action: str, based_on: int, actor: Actor
) -> SupportRequest:
    """Solve, close or reopen, as the workflow table allows the person."""
    user = require_user(actor)
    role = permissions.role_for(user, request)
    require(role is not None)
    if action not in (Action.SOLVE, Action.CLOSE, Action.REOPEN):
        raise SupportError(_("Unbekannte Aktion."))
    current = _locked(request, based_on)
    current.status = _move(current, action, role or "")
    fields = ["status"]
    if current.status == Status.SOLVED and current.resolved_at is None:
        current.resolved_at = timezone.now()
        fields.append("resolved_at")
    if action == Action.REOPEN:
        current.status = Status.ASSIGNED if current.assignee_id else Status.NEW
    _save(current, fields)
    audit.record(actor, f"support.request.{_PAST[action]}", target=current)
    return current


_PAST: dict[str, str] = {Action.SOLVE: "solved", Action.CLOSE: "closed", Action.REOPEN: "reopened"}


@transaction.atomic
def request_reply(
    *, request: SupportRequest, text: str, actor: Actor, based_on: int | None = None
) -> SupportMessage:
    """A handler's answer: the requester reads it on the platform and by
    e-mail (with a reply-to address that lands here)."""
    user = require_user(actor)
    require(permissions.can_handle_request(user, request))
    current = (
        _locked(request, based_on)
        if based_on is not None
        else SupportRequest.objects.select_for_update().get(pk=request.pk)
    )
    message = _message(current, MessageKind.REPLY, text, author=user)
    current.status = _move(current, Action.REPLY, HANDLER)
    fields = ["status"]
    if current.first_response_at is None:
        current.first_response_at = message.created_at
        fields.append("first_response_at")
    if current.assignee_id is None:
        current.assignee = user
        fields.append("assignee")
    _save(current, fields)
    audit.record(actor, "support.request.replied", target=current)
    mail.notify(notifications.REPLY, message.pk)
    return message


@transaction.atomic
def request_requester_reply(
    *,
    request: SupportRequest,
    text: str,
    actor: Actor,
    channel: str = Channel.PLATFORM,
) -> SupportMessage:
    """The requester answers (on the platform, or by e-mail through
    `fetch_support_replies`, then `actor` is the system and the sender was
    checked there). Back to the assignee, or to the queue."""
    current = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if channel == Channel.PLATFORM:
        user = require_user(actor)
        require(permissions.role_for(user, current) == REQUESTER)
    new_state = _move(current, Action.REQUESTER_REPLY, REQUESTER)
    current.status = new_state if current.assignee_id else Status.NEW
    message = _message(
        current,
        MessageKind.REQUESTER,
        text,
        author=actor.user,
        author_name=current.requester_name,
        channel=channel,
    )
    _save(current, ["status"])
    audit.record(actor, "support.request.requester_replied", target=current)
    mail.notify(notifications.REQUESTER_REPLY, message.pk)
    return message


@transaction.atomic
def request_note(*, request: SupportRequest, text: str, actor: Actor) -> SupportMessage:
    """An internal note: handlers only, never shown to the requester."""
    user = require_user(actor)
    require(permissions.can_handle_request(user, request))
    message = _message(request, MessageKind.NOTE, text, author=user)
    audit.record(actor, "support.request.noted", target=request)
    return message


def _message(
    request: SupportRequest,
    kind: str,
    text: str,
    *,
    author: Any,
    author_name: str = "",
    channel: str = Channel.PLATFORM,
) -> SupportMessage:
    text = text.strip()
    if not text:
        raise SupportError(_("Bitte schreiben Sie einen Text."))
    if len(text) > TEXT_MAX:
        raise SupportError(_("Der Text ist zu lang."))
    return SupportMessage.objects.create(
        request=request,
        kind=kind,
        channel=channel,
        author=author,
        author_name=author_name or (getattr(author, "name", "") or getattr(author, "email", "")),
        text=text,
    )
