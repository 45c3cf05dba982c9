"""The events a coordinator runs and the one being edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from ikone.accounts.permissions import is_network_coordinator, is_signed_in
from ikone.events import permissions
from ikone.events.models import Event, EventStatus, Registration, RegistrationStatus

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


# --- Events ------------------------------------------------------------------


def event_get_for_manage(
    *, user: AnyUser, slug: str, check: Callable[[AnyUser, Event], bool]
) -> Event:
    """The event if `check(user, event)` allows the action.

    Http404 when it does not exist, or is a draft the person may not edit;
    PermissionDenied when they see it but may not act."""
    event = Event.objects.select_related("series").filter(slug=slug).first()
    if event is None:
        raise Http404
    if event.status == EventStatus.DRAFT and not permissions.can_add_material(user, event):
        raise Http404
    if not check(user, event):
        raise PermissionDenied
    return event


def event_list_for_manage(*, user: AnyUser) -> QuerySet[Event]:
    """Events the person helps run, newest first, without their texts. Add
    the registration counts to the page shown with `with_registration_counts`."""
    queryset = Event.objects.select_related("series").defer(
        "description", "cancellation_reason", "series__description"
    )
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


def event_get_for_edit(*, event: Event) -> Event:
    """The event with what the edit form shows (speakers, agenda, fields of
    action), prefetched onto the instance already fetched and checked."""
    prefetch_related_objects(
        [event],
        "fields_of_action",
        Prefetch("speakers", queryset=_speakers()),
        "agenda__speakers",
    )
    return event


def _speakers() -> QuerySet[Any]:
    from ikone.events.models import Speaker

    return Speaker.objects.select_related("user").order_by("position", "pk")
