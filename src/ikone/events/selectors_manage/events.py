"""The events a coordinator runs and the one being edited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from ikone.accounts.permissions import is_network_coordinator, is_signed_in
from ikone.core.prepared import PreparedQuery
from ikone.events import permissions
from ikone.events.models import (
    AgendaItem,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


# --- Events ------------------------------------------------------------------


def event_get_for_manage(
    *, user: AnyUser, slug: str, check: Callable[[AnyUser, Event], bool]
) -> Event:
    """The event if `check(user, event)` allows the action.

    Http404 when it does not exist, or is a draft the person may not edit;
    PermissionDenied when they see it but may not act."""
    event = _EVENT_BY_SLUG.first(slug=slug)
    if event is None:
        raise Http404
    if event.status == EventStatus.DRAFT and not permissions.can_add_material(user, event):
        raise Http404
    if not check(user, event):
        raise PermissionDenied
    return event


def event_get_for_edit_form(*, pk: int) -> Event:
    """The event `pk` as `event_get_for_manage` reads it, without checks:
    for the edit form's memo, which must read the event itself to be
    computed anew when it changes (the caller has checked the person)."""
    return Event.objects.select_related("series").get(pk=pk)


# Every management page of one event starts with it (issue 15: prepared).
_EVENT_BY_SLUG = PreparedQuery(
    lambda slug: Event.objects.select_related("series").filter(slug=slug), slug=str
)


def event_list_for_manage(*, user: AnyUser) -> QuerySet[Event]:
    """Events the person helps run, newest first, with only what the list
    shows (`manage_rows.event_list_rows`). Add the registration counts to
    the page shown with `with_registration_counts`."""
    queryset = Event.objects.only("title", "slug", "starts_at", "ends_at", "status", "capacity")
    if not is_network_coordinator(user):
        if not is_signed_in(user):
            return queryset.none()
        allowed = Q(editors=user)
        if user.is_mentor:
            allowed |= Q(allow_mentors_to_edit=True)
        queryset = queryset.filter(pk__in=Event.objects.filter(allowed).values("pk"))
    return queryset.order_by("-starts_at", "-pk")


def with_registration_counts(events: list[Event]) -> list[Event]:
    """Sets `confirmed_count`, `waitlisted_count` and `attended_count` on
    each event, counted for just these events in one query."""
    rows = (
        Registration.objects.filter(event_id__in=[event.pk for event in events])
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            attended=Count("pk", filter=Q(attended_at__isnull=False)),
        )
        .order_by()
    )
    counts: dict[int, dict[str, Any]] = {row["event_id"]: {**row} for row in rows}
    for event in events:
        row = counts.get(event.pk, {})
        event.confirmed_count = row.get("confirmed", 0)  # type: ignore[attr-defined]
        event.waitlisted_count = row.get("waitlisted", 0)  # type: ignore[attr-defined]
        event.attended_count = row.get("attended", 0)  # type: ignore[attr-defined]
    return events


@dataclass(frozen=True)
class EventEditRows:
    """What the edit form shows besides the event's own fields: its fields
    of action, speakers (with their accounts), agenda items and each item's
    speakers."""

    field_of_action_ids: list[int]
    speakers: list[Speaker]
    agenda: list[AgendaItem]
    agenda_speaker_ids: dict[int, list[int]]


def event_edit_rows(*, event: Event) -> EventEditRows:
    """The edit form's rows of the event already fetched and checked: three
    prepared queries, a fourth for the agenda's speakers when there is an
    agenda (issue 15: building and compiling the prefetches on every visit
    cost the page more than running them)."""
    agenda = _AGENDA.all(event_id=event.pk)
    agenda_speaker_ids: dict[int, list[int]] = {}
    if agenda:
        for item_id, speaker_id in _AGENDA_SPEAKERS.all(event_id=event.pk):
            agenda_speaker_ids.setdefault(item_id, []).append(speaker_id)
    return EventEditRows(
        field_of_action_ids=_FIELD_OF_ACTION_IDS.all(event_id=event.pk),
        speakers=_SPEAKERS.all(event_id=event.pk),
        agenda=agenda,
        agenda_speaker_ids=agenda_speaker_ids,
    )


_FIELD_OF_ACTION_IDS = PreparedQuery(
    lambda event_id: (
        Event.fields_of_action.through.objects.filter(event_id=event_id)
        .order_by("pk")
        .values_list("fieldofaction_id", flat=True)
    ),
    event_id=int,
)
_SPEAKERS = PreparedQuery(
    lambda event_id: (
        Speaker.objects.filter(event_id=event_id).select_related("user").order_by("position", "pk")
    ),
    event_id=int,
)
_AGENDA = PreparedQuery(
    lambda event_id: AgendaItem.objects.filter(event_id=event_id), event_id=int
)
_AGENDA_SPEAKERS = PreparedQuery(
    lambda event_id: (
        AgendaItem.speakers.through.objects.filter(agendaitem__event_id=event_id)
        .order_by("pk")
        .values_list("agendaitem_id", "speaker_id")
    ),
    event_id=int,
)
