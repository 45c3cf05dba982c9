"""What coordinators do with an event: create it, edit it (with its
speakers and agenda) under optimistic locking, publish it, withdraw it to
draft, cancel it.

Every service takes keyword arguments and an explicit `actor`, checks the
permission again (views already did), writes an audit entry and raises
PermissionDenied or a DomainError with a German message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ikone.accounts.models import User
from ikone.calls.models import Call
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.models import FieldOfAction
from ikone.core.services import require, require_user
from ikone.events import permissions
from ikone.events.models import (
    AgendaItem,
    Audience,
    Event,
    EventFormat,
    EventSeries,
    EventStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)
from ikone.events.sanitize import clean_description

# Fields whose change makes calendars replace their copy (iCalendar SEQUENCE).
CALENDAR_FIELDS = ("starts_at", "ends_at", "place", "meeting_url", "format", "title")
SLUG_MAX_LENGTH = 200


class EventEditConflictError(DomainError):
    """Someone saved the event since the version the form was based on.
    Carries the current event so the view can show what changed."""

    def __init__(self, message: str, *, current: Event) -> None:
        super().__init__(message)
        self.current = current


class EventStateError(DomainError):
    """The event's status does not allow the action."""


class SlugTakenError(DomainError):
    """Another event already uses the requested slug."""


@dataclass
class EventData:
    """The editable fields of an event, as a form cleaned them."""

    title: str
    starts_at: datetime
    ends_at: datetime
    slug: str = ""
    summary: str = ""
    description: str = ""
    format: str = EventFormat.ONLINE
    place: str = ""
    meeting_url: str = ""
    capacity: int | None = None
    registration_deadline: datetime | None = None
    audience: str = Audience.EVERYONE
    series: EventSeries | None = None
    call: Call | None = None
    fields_of_action: list[FieldOfAction] = field(default_factory=list)
    # None: leave as it is (the actor may not change who helps).
    allow_mentors_to_edit: bool | None = None

    @classmethod
    def from_form(cls, cleaned: dict[str, Any]) -> EventData:
        names = cls.__dataclass_fields__.keys()
        values = {name: cleaned[name] for name in names if name in cleaned}
        values["fields_of_action"] = list(cleaned.get("fields_of_action") or [])
        for text in ("slug", "summary", "description", "place", "meeting_url"):
            values[text] = values.get(text) or ""
        return cls(**values)


@dataclass
class SpeakerData:
    """One row of the speakers' list. `pk` None: a new speaker."""

    pk: int | None = None
    user: User | None = None
    name: str = ""
    affiliation: str = ""
    role: str = ""
    delete: bool = False


@dataclass
class AgendaData:
    """One row of the agenda. `speaker_ids` are Speaker pks of this event."""

    title: str
    pk: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    description: str = ""
    speaker_ids: list[int] = field(default_factory=list)
    delete: bool = False


def _unique_slug(wanted: str, title: str, *, exclude_pk: int | None = None) -> str:
    """The wanted slug, or one made from the title with a number appended
    until it is free. A wanted slug that is taken raises SlugTakenError."""
    from ikone.events.forms import RESERVED_SLUGS

    others = Event.objects.all() if exclude_pk is None else Event.objects.exclude(pk=exclude_pk)
    if wanted:
        if others.filter(slug=wanted).exists():
            raise SlugTakenError(
                _("Der Kurzname „%(slug)s“ ist schon vergeben. Bitte wählen Sie einen anderen.")
                % {"slug": wanted}
            )
        return wanted
    base = slugify(title)[: SLUG_MAX_LENGTH - 6] or "veranstaltung"
    if base in RESERVED_SLUGS:
        base = f"{base}-veranstaltung"
    candidate, number = base, 2
    while others.filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _assign(event: Event, data: EventData) -> None:
    event.title = data.title
    event.summary = data.summary
    event.description = clean_description(data.description)
    event.format = data.format
    event.starts_at = data.starts_at
    event.ends_at = data.ends_at
    event.place = data.place
    event.meeting_url = data.meeting_url
    event.capacity = data.capacity
    event.registration_deadline = data.registration_deadline
    event.audience = data.audience
    event.series = data.series
    event.call = data.call
    if data.allow_mentors_to_edit is not None:
        event.allow_mentors_to_edit = data.allow_mentors_to_edit


@transaction.atomic
def event_create(
    *,
    data: EventData,
    actor: Actor,
    speakers: list[SpeakerData] | None = None,
    agenda: list[AgendaData] | None = None,
) -> Event:
    """Create an event as a draft. Raises SlugTakenError for a taken slug."""
    user = require_user(actor)
    require(permissions.can_create_event(user))
    event = Event(created_by=user, status=EventStatus.DRAFT)
    _assign(event, data)
    event.slug = _unique_slug(data.slug, data.title)
    event.full_clean(exclude=["description"])
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError as error:  # a colleague took the slug a moment ago
        raise SlugTakenError(
            _("Der Kurzname „%(slug)s“ ist schon vergeben. Bitte wählen Sie einen anderen.")
            % {"slug": event.slug}
        ) from error
    event.fields_of_action.set(data.fields_of_action)
    _save_speakers(event, speakers or [])
    _save_agenda(event, agenda or [])
    audit.record(actor, "events.event.created", target=event, data={"slug": event.slug})
    return event


def _changed_fields(before: Event, after: Event) -> list[str]:
    names = [
        "title", "slug", "summary", "description", "format", "starts_at", "ends_at", "place",
        "meeting_url", "capacity", "registration_deadline", "audience", "series_id", "call_id",
        "allow_mentors_to_edit",
    ]  # fmt: skip
    return [name for name in names if getattr(before, name) != getattr(after, name)]


@transaction.atomic
def event_update(
    *,
    event: Event,
    data: EventData,
    based_on: int,
    actor: Actor,
    speakers: list[SpeakerData] | None = None,
    agenda: list[AgendaData] | None = None,
) -> Event:
    """Save the event, its speakers and agenda unless someone saved since
    version `based_on`; then raises EventEditConflictError carrying the current
    event instead of overwriting. Locks the event row."""
    user = require_user(actor)
    require(permissions.can_edit_event(user, event))
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.version != based_on:
        raise EventEditConflictError(
            _(
                "Jemand hat diese Veranstaltung gespeichert, während Sie sie bearbeitet haben. "
                "Ihre Eingaben sind unten erhalten; bitte prüfen Sie die geänderten Angaben "
                "und speichern Sie erneut."
            ),
            current=current,
        )
    if data.allow_mentors_to_edit is not None and not permissions.can_change_event_team(
        user, current
    ):
        data.allow_mentors_to_edit = None
    updated = Event.objects.get(pk=event.pk)
    _assign(updated, data)
    updated.slug = _unique_slug(data.slug or current.slug, data.title, exclude_pk=event.pk)
    updated.full_clean(exclude=["description"])
    changed = _changed_fields(current, updated)
    updated.version = current.version + 1
    if any(name in changed for name in CALENDAR_FIELDS):
        updated.ics_sequence = current.ics_sequence + 1
    updated.save()
    before_fields = set(current.fields_of_action.values_list("pk", flat=True))
    updated.fields_of_action.set(data.fields_of_action)
    if before_fields != {item.pk for item in data.fields_of_action}:
        changed.append("fields_of_action")
    if speakers is not None and _save_speakers(updated, speakers):
        changed.append("speakers")
    if agenda is not None and _save_agenda(updated, agenda):
        changed.append("agenda")
    audit.record(actor, "events.event.updated", target=updated, data={"fields": changed})
    if "capacity" in changed:
        from ikone.events.services import registration

        # More seats: the waiting list moves up (with the move-up e-mail).
        registration.waitlist_promote(event=updated)
    return updated


def _save_speakers(event: Event, rows: list[SpeakerData]) -> bool:
    """Create, change and delete speakers; True if anything changed."""
    existing = {speaker.pk: speaker for speaker in event.speakers.all()}
    changed = False
    for position, row in enumerate(rows):
        speaker = existing.get(row.pk) if row.pk else None
        if row.delete:
            if speaker is not None:
                speaker.delete()
                changed = True
            continue
        if speaker is None:
            speaker = Speaker(event=event)
        values = {
            "user_id": row.user.pk if row.user else None,
            "name": row.name,
            "affiliation": row.affiliation,
            "role": row.role,
            "position": position,
        }
        if speaker.pk and all(getattr(speaker, key) == value for key, value in values.items()):
            continue
        for key, value in values.items():
            setattr(speaker, key, value)
        speaker.save()
        changed = True
    return changed


def _save_agenda(event: Event, rows: list[AgendaData]) -> bool:
    """Create, change and delete agenda items; True if anything changed."""
    existing = {item.pk: item for item in event.agenda.prefetch_related("speakers")}
    speaker_ids = set(event.speakers.values_list("pk", flat=True))
    changed = False
    for position, row in enumerate(rows):
        item = existing.get(row.pk) if row.pk else None
        if row.delete:
            if item is not None:
                item.delete()
                changed = True
            continue
        if item is None:
            item = AgendaItem(event=event)
        values = {
            "title": row.title,
            "description": row.description,
            "starts_at": row.starts_at,
            "ends_at": row.ends_at,
            "position": position,
        }
        wanted_speakers = {pk for pk in row.speaker_ids if pk in speaker_ids}
        same = item.pk and all(getattr(item, key) == value for key, value in values.items())
        if same and {speaker.pk for speaker in item.speakers.all()} == wanted_speakers:
            continue
        for key, value in values.items():
            setattr(item, key, value)
        item.save()
        item.speakers.set(wanted_speakers)
        changed = True
    return changed


def _set_status(event: Event, status: str, *, cancelled: bool = False) -> Event:
    updates: dict[str, Any] = {
        "status": status,
        "version": F("version") + 1,
        "ics_sequence": F("ics_sequence") + 1,
        "updated_at": timezone.now(),
    }
    Event.objects.filter(pk=event.pk).update(**updates)
    event.refresh_from_db(fields=["status", "version", "ics_sequence", "updated_at"])
    return event


@transaction.atomic
def event_publish(*, event: Event, actor: Actor) -> Event:
    """Make a draft visible and open for registration. Locks the event row."""
    user = require_user(actor)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    require(permissions.can_publish_event(user, locked))
    if locked.status != EventStatus.DRAFT:
        raise EventStateError(_("Die Veranstaltung ist bereits veröffentlicht."))
    _set_status(locked, EventStatus.PUBLISHED)
    audit.record(actor, "events.event.published", target=locked)
    return locked


@transaction.atomic
def event_unpublish(*, event: Event, actor: Actor) -> Event:
    """Take a published event back to draft, while nobody has registered.
    Locks the event row."""
    user = require_user(actor)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    require(permissions.can_publish_event(user, locked))
    if locked.status != EventStatus.PUBLISHED:
        raise EventStateError(_("Die Veranstaltung ist nicht veröffentlicht."))
    active = Registration.objects.filter(event=locked).exclude(status=RegistrationStatus.CANCELLED)
    if active.exists():
        raise EventStateError(
            _(
                "Es gibt schon Anmeldungen. Sagen Sie die Veranstaltung ab, statt sie "
                "zurückzuziehen, damit die Angemeldeten benachrichtigt werden."
            )
        )
    _set_status(locked, EventStatus.DRAFT)
    audit.record(actor, "events.event.unpublished", target=locked)
    return locked


def event_cancel(*, event: Event, reason: str, actor: Actor) -> Event:
    """Cancel the event and notify registered people, through the
    registration service that owns the notifications."""
    require(permissions.can_cancel_event(actor.user, event))
    from ikone.events.services import registration

    return registration.cancel_event(event=event, reason=reason, actor=actor)
