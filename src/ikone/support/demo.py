"""Demo support requests in every status (`demo/requests.yaml`, see
docs/demo.md). Idempotent: a request whose subject exists is left alone.
The rows are written directly (with their history and times) because a
demo has a past that services would stamp with "now"."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from ikone.accounts.demo import contact_email, staff_email
from ikone.accounts.models import Organization, User
from ikone.applications.models import Draft
from ikone.core.datetimes import berlin_date
from ikone.core.demo_data import Prose, load_records
from ikone.support.models import (
    CannedReply,
    MessageKind,
    Priority,
    Source,
    SupportMessage,
    SupportRequest,
    Topic,
)
from ikone.support.services.requests import is_network_member
from ikone.support.workflow import Status

REQUESTS_FILE = Path(__file__).resolve().parent / "demo" / "requests.yaml"
PEOPLE = {"koordination", "mentorin", "mentor"}
CANNED = (
    (
        "Eingang bestätigt",
        "Vielen Dank für Ihre Anfrage. Wir melden uns innerhalb von zwei Arbeitstagen.",
    ),
    (
        "Verweis auf die Wissensdatenbank",
        "In der Wissensdatenbank unter /wissen/ finden Sie Tipps und Vorlagen zu Ihrer Frage.",
    ),
)


@dataclass(frozen=True)
class DemoMessage:
    kind: MessageKind
    text: Prose


@dataclass(frozen=True)
class DemoRequest:
    subject: str
    topic: Topic
    source: Source
    message: Prose
    sender: str = ""
    email: str = ""
    organization_name: str = ""
    status: Status = Status.NEW
    assignee: str = ""
    priority: Priority = Priority.NORMAL
    due_in_days: int | None = None
    draft: str = ""
    thread: tuple[DemoMessage, ...] = ()
    hours: tuple[int, ...] = ()


@functools.cache
def demo_requests() -> tuple[DemoRequest, ...]:
    """The demo requests; raises DemoDataError."""
    return load_records(REQUESTS_FILE, DemoRequest)


def seed_demo_support(*, stdout: Any) -> None:
    created = _seed()
    for title, text in CANNED:
        CannedReply.objects.get_or_create(title=title, defaults={"text": text})
    stdout.write(f"Support requests created: {created}")


@transaction.atomic
def _seed() -> int:
    existing = set(SupportRequest.objects.values_list("subject", flat=True))
    created = 0
    for demo in demo_requests():
        if demo.subject in existing:
            continue
        _create(demo)
        created += 1
    return created


def _person(key: str) -> User | None:
    if not key:
        return None
    return User.objects.filter(email=f"{key}@ikone.example").first()


def _create(demo: DemoRequest) -> SupportRequest:
    requester = organization = None
    if demo.source == Source.PLATFORM:
        key = demo.sender.rstrip("+")
        email = contact_email(key) if demo.sender.endswith("+") else staff_email(key)
        requester = User.objects.filter(email=email).first()
        organization = Organization.objects.filter(slug=key).first()
    received = timezone.now() - dt.timedelta(days=3)
    request = SupportRequest.objects.create(
        topic=demo.topic,
        subject=demo.subject,
        message=demo.message,
        source=demo.source,
        status=demo.status,
        priority=demo.priority,
        requester=requester,
        requester_name=(requester.name if requester else demo.sender),
        requester_email=(requester.email if requester else demo.email),
        organization=organization,
        organization_name=organization.name if organization else demo.organization_name,
        draft=Draft.objects.filter(title=demo.draft).first() if demo.draft else None,
        assignee=_person(demo.assignee),
        due_date=berlin_date() + dt.timedelta(days=demo.due_in_days)
        if demo.due_in_days is not None
        else None,
        is_member=is_network_member(organization),
        consent_at=received if demo.source == Source.CONTACT else None,
        is_example=True,
    )
    first = resolved = None
    if demo.hours:
        first = received + dt.timedelta(hours=demo.hours[0])
    if len(demo.hours) > 1:
        resolved = received + dt.timedelta(hours=demo.hours[1])
    SupportRequest.objects.filter(pk=request.pk).update(
        created_at=received, first_response_at=first, resolved_at=resolved
    )
    handler = request.assignee
    for message in demo.thread:
        author = requester if message.kind == MessageKind.REQUESTER else handler
        SupportMessage.objects.create(
            request=request,
            kind=message.kind,
            text=message.text,
            author=author,
            author_name=(author.name if author else request.requester_name),
        )
    return request
