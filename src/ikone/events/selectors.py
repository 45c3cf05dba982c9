"""Reads of the public side: the event list, one event with its agenda,
speakers and materials, a person's registration and waiting-list place.

Visibility: published and cancelled events are public; drafts only for
people who may edit them (`permissions.can_edit_event`). The coordinators'
reads are in `selectors_manage`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from ikone.accounts.models import Membership, Organization
from ikone.accounts.permissions import (
    belongs_to_network_member,
    is_network_coordinator,
    is_signed_in,
)
from ikone.core.datetimes import iso
from ikone.core.models import FieldOfAction
from ikone.core.pagecache import memo
from ikone.core.prepared import PreparedQuery
from ikone.events import permissions
from ikone.events.models import (
    AgendaItem,
    Event,
    EventFormat,
    EventSeries,
    EventStatus,
    Material,
    Registration,
    RegistrationStatus,
    Speaker,
)

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)
UPCOMING = "kommend"
PAST = "vergangen"


@dataclass(frozen=True)
class EventFilters:
    """The list's filters as the form cleaned them ("" = any)."""

    when: str = UPCOMING
    format: str = ""
    series: str = ""
    field_of_action: str = ""


def _visible_q(user: AnyUser | None) -> Q:
    """Public events; coordinators also see every draft, mentors and editors
    the drafts they may edit. Subqueries, not joins, so rows never repeat."""
    if is_network_coordinator(user):
        return Q()
    public = Q(status__in=PUBLIC_STATUSES)
    if not is_signed_in(user):
        return public
    editable = Q(
        Exists(Event.editors.through.objects.filter(event_id=OuterRef("pk"), user_id=user.pk))
    )
    if user.is_mentor:
        editable |= Q(allow_mentors_to_edit=True)
    return public | editable


def _confirmed_count() -> Coalesce:
    """Confirmed registrations of the outer event, as a correlated subquery
    (cheap for one page of events, no GROUP BY over all registrations)."""
    counted = (
        Registration.objects.filter(event_id=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
        .order_by()
        .values("event_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def event_queryset_public() -> QuerySet[Event]:
    """Published and cancelled events (what the API and calendar feed show)."""
    return Event.objects.filter(status__in=PUBLIC_STATUSES)


def event_list(*, user: AnyUser | None, filters: EventFilters) -> QuerySet[Event]:
    """Events the viewer may see, filtered; upcoming ones soonest first,
    past ones latest first. Rows carry `confirmed_count` and their series;
    fields of action are prefetched; the description is not loaded."""
    now = timezone.now()
    events = Event.objects.filter(_visible_q(user))
    if filters.when == PAST:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    if filters.format:
        events = events.filter(format=filters.format)
    if filters.series:
        events = events.filter(series__slug=filters.series)
    if filters.field_of_action:
        tagged = Event.fields_of_action.through.objects.filter(
            event_id=OuterRef("pk"), fieldofaction__key=filters.field_of_action
        )
        events = events.filter(Exists(tagged))
    return (
        events.select_related("series")
        .defer("description", "cancellation_reason")
        .prefetch_related(
            Prefetch("fields_of_action", queryset=FieldOfAction.objects.only("key", "label"))
        )
        .annotate(confirmed_count=_confirmed_count())
    )


def list_visibility_key(user: AnyUser | None) -> tuple[object, ...]:
    """Who sees the same events in `event_list` (the rule of `_visible_q`):
    coordinators all, visitors the public ones, anyone else the public ones
    and those they may edit (their own key)."""
    if is_network_coordinator(user):
        return ("all",)
    if not is_signed_in(user):
        return ("public",)
    return ("person", user.pk, bool(user.is_mentor))


def next_list_change(*, user: AnyUser | None, now: datetime) -> datetime | None:
    """When the next event `user` may see ends (the first end at or after
    `now`): then it moves from the upcoming events to the past ones. None
    without one."""
    ends = Event.objects.filter(_visible_q(user), ends_at__gte=now).aggregate(first=Min("ends_at"))
    return ends["first"]


def series_choices() -> list[tuple[str, str]]:
    """(slug, title) of series that have a public event."""
    return _filter_choices()[0]


def field_of_action_choices() -> list[tuple[str, str]]:
    """(key, label) of every field of action."""
    return _filter_choices()[1]


def _filter_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The list filter's series and fields of action: one memo, the same
    for everyone until events, series or fields of action change (two
    queries on every list page before)."""
    return memo.get_or_compute(
        "events:filter-choices",
        lambda: (
            list(
                EventSeries.objects.filter(events__status__in=PUBLIC_STATUSES)
                .distinct()
                .order_by("title")
                .values_list("slug", "title")
            ),
            list(FieldOfAction.objects.order_by("position", "label").values_list("key", "label")),
        ),
    )


def format_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in EventFormat.choices]


def _detail_queryset() -> QuerySet[Event]:
    speakers = Speaker.objects.select_related("user")
    return Event.objects.select_related("series", "created_by", "call").prefetch_related(
        "fields_of_action",
        Prefetch("speakers", queryset=speakers),
        Prefetch(
            "agenda",
            queryset=AgendaItem.objects.prefetch_related(Prefetch("speakers", queryset=speakers)),
        ),
    )


def event_get_for_detail(*, user: AnyUser | None, slug: str) -> Event:
    """One event with series, call, creator and `confirmed_count` (its
    rows: `event_page_rows`); 404 if it does not exist or is a draft the
    viewer may not edit."""
    viewer_pk = user.pk if is_signed_in(user) else None
    event: Event | None
    if viewer_pk is not None:
        event = _EVENT_FOR_VIEWER.first(slug=slug, user_id=viewer_pk)
    else:
        event = _EVENT.first(slug=slug)
    if event is None:
        raise Http404
    if viewer_pk is not None:
        # What `permissions` would otherwise ask the database for this viewer.
        event.__dict__["_editor_by_user"] = {viewer_pk: event.viewer_edits}  # type: ignore[attr-defined]
    if event.status == EventStatus.DRAFT and not permissions.can_edit_event(user, event):
        raise Http404
    return event


_EVENT = PreparedQuery(
    lambda slug: (
        Event.objects.select_related("series", "created_by", "call")
        .filter(slug=slug)
        .annotate(confirmed_count=_confirmed_count())
    ),
    slug=str,
)
# The event page of a signed-in person, with whether they edit the event.
_EVENT_FOR_VIEWER = PreparedQuery(
    lambda slug, user_id: (
        Event.objects.select_related("series", "created_by", "call")
        .filter(slug=slug)
        .annotate(
            confirmed_count=_confirmed_count(),
            viewer_edits=Exists(
                Event.editors.through.objects.filter(event_id=OuterRef("pk"), user_id=user_id)
            ),
        )
    ),
    slug=str,
    user_id=int,
)


def event_get_public_detail(*, slug: str) -> Event:
    """A published or cancelled event with everything the API shows
    (including `confirmed_count`); 404 otherwise."""
    event = (
        _detail_queryset()
        .filter(slug=slug, status__in=PUBLIC_STATUSES)
        .annotate(confirmed_count=_confirmed_count())
        .first()
    )
    if event is None:
        raise Http404
    return event


def feed_events(*, since: datetime) -> QuerySet[Event]:
    """Public events that end after `since`, soonest first (the calendar feed)."""
    return event_queryset_public().filter(ends_at__gte=since).order_by("starts_at", "pk")


def feed_version(*, since: datetime) -> tuple[int, str]:
    """How many events the feed holds and when the latest of them changed:
    a cache key that changes whenever the feed would."""
    figures = feed_events(since=since).aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = figures["changed"]
    return figures["count"], iso(changed) or ""


def event_get_public(*, slug: str) -> Event:
    """A published or cancelled event, for the calendar file; 404 otherwise."""
    event = event_queryset_public().filter(slug=slug).first()
    if event is None:
        raise Http404
    return event


def registration_get_active(*, user: AnyUser | None, event: Event) -> Registration | None:
    """The viewer's confirmed or waitlisted registration for the event."""
    if not is_signed_in(user):
        return None
    registration = _ACTIVE_REGISTRATION.first(event_id=event.pk, user_id=user.pk)
    if registration is not None:
        registration.event = event
    return registration


_ACTIVE_REGISTRATION = PreparedQuery(
    lambda event_id, user_id: Registration.objects.filter(
        event_id=event_id,
        person_id=user_id,
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
    ).select_related("organization"),
    event_id=int,
    user_id=int,
)


def registration_get_own(*, user: AnyUser | None, pk: int) -> Registration:
    """A registration of the viewer (for cancelling it); 404 for others'.
    Whoever runs the event may also reach it."""
    registration = Registration.objects.select_related("event", "person").filter(pk=pk).first()
    if registration is None or not is_signed_in(user):
        raise Http404
    if registration.person_id != user.pk and not permissions.can_manage_participants(
        user, registration.event
    ):
        raise Http404
    return registration


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    waiting = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITLISTED
    )
    since = registration.waitlisted_at
    if since is None:  # not set by the services; order by creation then
        return waiting.filter(pk__lt=registration.pk).count() + 1
    ahead = waiting.filter(
        Q(waitlisted_at__lt=since) | Q(waitlisted_at=since, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def organizations_for_registration(*, user: AnyUser | None) -> list[Organization]:
    """The organisations the viewer may register for (their memberships)."""
    if not is_signed_in(user):
        return []
    return [membership.organization for membership in _MEMBERSHIPS.all(user_id=user.pk)]


_MEMBERSHIPS = PreparedQuery(
    lambda user_id: (
        Membership.objects.filter(user_id=user_id)
        .select_related("organization")
        .order_by("organization__name")
    ),
    user_id=int,
)


def material_list_visible(
    *, user: AnyUser | None, event: Event, registration: Registration | None
) -> list[Material]:
    """The event's materials the viewer may see (by visibility)."""
    materials = _MATERIALS.all(event_id=event.pk)
    network_member: bool | None = None
    visible = []
    for material in materials:
        material.event = event
        if material.visibility == "network" and network_member is None:
            network_member = belongs_to_network_member(user)
        if permissions.can_view_material(
            user, material, registration=registration, network_member=network_member
        ):
            visible.append(material)
    return visible


_MATERIALS = PreparedQuery(
    lambda event_id: Material.objects.filter(event_id=event_id).order_by("created_at", "pk"),
    event_id=int,
)


def can_see_meeting_link(
    user: AnyUser | None,
    event: Event,
    registration: Registration | None,
    speakers: list[Speaker] | None = None,
) -> bool:
    """The meeting link: confirmed participants, the event's speakers with
    an account, and whoever runs the event. Not for cancelled events.
    `speakers`: the event's, when already read."""
    if not event.meeting_url or not is_signed_in(user):
        return False
    if event.status == EventStatus.CANCELLED:
        return False
    if registration is not None and registration.status == RegistrationStatus.CONFIRMED:
        return True
    if speakers is None:
        speakers = list(event.speakers.all())
    if any(speaker.user_id == user.pk for speaker in speakers):
        return True
    return permissions.can_edit_event(user, event)
