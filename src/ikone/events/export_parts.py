"""Events' parts of the personal data export (ikone.core.personal_data):
registrations (with accessibility needs), feedback, speaker entries, and
the events and materials the person created."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ikone.core.personal_data import ExportPart, register, when
from ikone.events.models import Event, FeedbackResponse, Material, Registration, Speaker


def _registrations(user: Any) -> list[dict[str, Any]]:
    rows = (
        Registration.objects.filter(Q(person=user) | Q(registered_by=user))
        .select_related("event", "organization", "person")
        .order_by("created_at", "pk")
    )
    return [
        {
            "event": row.event.title,
            "starts_at": when(row.event.starts_at),
            "for_you": row.person_id == user.pk,
            "person": str(row.person) if row.person_id != user.pk else None,
            "organization": row.organization.name if row.organization else None,
            "status": row.status,
            "note": row.note,
            "accessibility_needs": row.accessibility_needs,
            "registered_by_you": row.registered_by_id == user.pk,
            "created_at": when(row.created_at),
            "confirmed_at": when(row.confirmed_at),
            "waitlisted_at": when(row.waitlisted_at),
            "cancelled_at": when(row.cancelled_at),
            "attended_at": when(row.attended_at),
        }
        for row in rows
    ]


def _feedback(user: Any) -> list[dict[str, Any]]:
    rows = FeedbackResponse.objects.filter(person=user).select_related("event").order_by("pk")
    return [
        {
            "event": row.event.title,
            "rating": row.rating,
            "comment": row.comment,
            "created_at": when(row.created_at),
            "updated_at": when(row.updated_at),
        }
        for row in rows
    ]


def _speaking(user: Any) -> list[dict[str, Any]]:
    rows = Speaker.objects.filter(user=user).select_related("event").order_by("pk")
    return [
        {
            "event": row.event.title,
            "name": row.name,
            "affiliation": row.affiliation,
            "role": row.role,
        }
        for row in rows
    ]


def _events_run(user: Any) -> list[dict[str, Any]]:
    rows = Event.objects.filter(Q(created_by=user) | Q(editors=user)).distinct().order_by("pk")
    return [
        {
            "event": row.title,
            "created_by_you": row.created_by_id == user.pk,
            "starts_at": when(row.starts_at),
        }
        for row in rows
    ]


def _materials(user: Any) -> list[dict[str, Any]]:
    rows = Material.objects.filter(uploaded_by=user).select_related("event").order_by("pk")
    return [
        {"event": row.event.title, "title": row.title, "created_at": when(row.created_at)}
        for row in rows
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "event_registrations",
            _registrations,
            covers=(
                "events.Registration.person",
                "events.Registration.registered_by",
                "events.Registration.accessibility_needs",
                "events.Registration.note",
            ),
            note="own registrations and those made for others, with accessibility needs",
        ),
        ExportPart(
            "event_feedback",
            _feedback,
            covers=("events.FeedbackResponse.person", "events.FeedbackResponse.comment"),
        ),
        ExportPart(
            "event_speaking", _speaking, covers=("events.Speaker.user", "events.Speaker.name")
        ),
        ExportPart(
            "events_run", _events_run, covers=("events.Event.created_by", "events.Event.editors")
        ),
        ExportPart("event_materials", _materials, covers=("events.Material.uploaded_by",)),
    )
