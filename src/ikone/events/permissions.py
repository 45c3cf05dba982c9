"""Who may do what with events.

One predicate per action, `can_<verb>_<entity>(user, obj) -> bool`, one
condition per line. They never write. Predicates about one event may read
the event's editors or speakers (one small query each); views compute them
once per request (`event_flags`) and hand flags to templates.

Roles: coordinators (and operators) run every event. Mentors help run an
event when a coordinator allowed mentors on it (`allow_mentors_to_edit`);
people listed as the event's `editors` too. Speakers with an account add
materials. Participants (confirmed or checked in) see participant-only
materials and give feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ikone.accounts.permissions import (
    belongs_to_network_member,
    is_network_coordinator,
    is_signed_in,
)
from ikone.events.models import (
    Event,
    EventStatus,
    Material,
    MaterialVisibility,
    Registration,
    RegistrationStatus,
)

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


def _is_editor(user: AnyUser | None, event: Event) -> bool:
    """Listed among the event's further editors (remembered per event instance)."""
    if not is_signed_in(user) or event.pk is None:
        return False
    known: dict[int, bool] = event.__dict__.setdefault("_editor_by_user", {})
    if user.pk not in known:
        known[user.pk] = event.editors.filter(pk=user.pk).exists()
    return known[user.pk]


def is_speaker(user: AnyUser | None, event: Event) -> bool:
    """A speaker of the event with an account on the platform."""
    if not is_signed_in(user) or event.pk is None:
        return False
    known: dict[int, bool] = event.__dict__.setdefault("_speaker_by_user", {})
    if user.pk not in known and "speakers" in getattr(event, "_prefetched_objects_cache", {}):
        # The event page has its speakers already (selectors._detail_queryset).
        known[user.pk] = any(speaker.user_id == user.pk for speaker in event.speakers.all())
    if user.pk not in known:
        known[user.pk] = event.speakers.filter(user_id=user.pk).exists()
    return known[user.pk]


def can_create_event(user: AnyUser | None) -> bool:
    """Coordinators create events; mentors help only on events they are allowed on."""
    return is_network_coordinator(user)


def can_edit_event(user: AnyUser | None, event: Event) -> bool:
    """Coordinators; mentors where the event allows them; the event's editors."""
    if not is_signed_in(user):
        return False
    if is_network_coordinator(user):
        return True
    if user.is_mentor and event.allow_mentors_to_edit:
        return True
    return _is_editor(user, event)


def can_change_event_team(user: AnyUser | None, event: Event) -> bool:
    """Whether mentors may help, and who else edits: coordinators decide."""
    return is_network_coordinator(user)


def can_publish_event(user: AnyUser | None, event: Event) -> bool:
    """Publishing and withdrawing to draft: coordinators, for events not cancelled."""
    if event.status == EventStatus.CANCELLED:
        return False
    return is_network_coordinator(user)


def can_cancel_event(user: AnyUser | None, event: Event) -> bool:
    """Cancelling notifies every registered person: coordinators only, once."""
    if event.status == EventStatus.CANCELLED:
        return False
    return is_network_coordinator(user)


def can_manage_participants(user: AnyUser | None, event: Event) -> bool:
    """See and export the participant list, register others, write to them,
    check people in: whoever runs the event."""
    return can_edit_event(user, event)


def can_view_figures(user: AnyUser | None, event: Event) -> bool:
    """Registration and attendance figures: whoever runs the event."""
    return can_edit_event(user, event)


def can_add_material(user: AnyUser | None, event: Event) -> bool:
    """Whoever runs the event, and its speakers with an account."""
    if can_edit_event(user, event):
        return True
    return is_speaker(user, event)


def can_delete_material(user: AnyUser | None, material: Material) -> bool:
    """Whoever runs the event, and the person who added it."""
    if not is_signed_in(user):
        return False
    if can_edit_event(user, material.event):
        return True
    return material.uploaded_by_id == user.pk


def can_view_feedback_results(user: AnyUser | None, event: Event) -> bool:
    """Ratings and comments stay with the coordination."""
    return is_network_coordinator(user)


def is_participant(registration: Registration | None) -> bool:
    """Confirmed or checked in (a waiting-list place is not participation)."""
    if registration is None:
        return False
    if registration.attended_at is not None:
        return True
    return registration.status == RegistrationStatus.CONFIRMED


def can_give_feedback(
    user: AnyUser | None, event: Event, registration: Registration | None
) -> bool:
    """Participants, once the event has begun (not for cancelled events).
    `registration` is the person's own registration for the event, or None."""
    if not is_signed_in(user):
        return False
    if event.status != EventStatus.PUBLISHED:
        return False
    if not event.has_started:
        return False
    return is_participant(registration)


def can_view_material(
    user: AnyUser | None,
    material: Material,
    *,
    registration: Registration | None,
    network_member: bool | None = None,
) -> bool:
    """By the material's visibility: public for everyone (on a published or
    cancelled event), participants only for participants, network only for
    people of current member organisations. Whoever may add materials sees
    all. `network_member` may be passed when already known for the viewer."""
    event = material.event
    if can_add_material(user, event):
        return True
    if event.status == EventStatus.DRAFT:
        return False
    if material.visibility == MaterialVisibility.PUBLIC:
        return True
    if material.visibility == MaterialVisibility.PARTICIPANTS:
        return is_signed_in(user) and is_participant(registration)
    if network_member is None:
        network_member = belongs_to_network_member(user)
    return network_member


@dataclass(frozen=True)
class EventFlags:
    """What the viewer may do with one event, computed once per request."""

    edit: bool
    change_team: bool
    publish: bool
    cancel: bool
    manage_participants: bool
    view_figures: bool
    add_material: bool
    view_feedback: bool


def event_flags(user: AnyUser | None, event: Event) -> EventFlags:
    """All management flags for one event and viewer."""
    edit = can_edit_event(user, event)
    return EventFlags(
        edit=edit,
        change_team=can_change_event_team(user, event),
        publish=can_publish_event(user, event),
        cancel=can_cancel_event(user, event),
        manage_participants=edit,
        view_figures=edit,
        add_material=edit or is_speaker(user, event),
        view_feedback=can_view_feedback_results(user, event),
    )
