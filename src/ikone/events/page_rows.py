"""What the event page lists besides the event: fields of action,
speakers and agenda, read with prepared queries (issue 15)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F

from ikone.accounts.permissions import is_signed_in
from ikone.core.models import FieldOfAction
from ikone.core.prepared import PreparedQuery
from ikone.events.models import AgendaItem, Event, Speaker

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


@dataclass(frozen=True)
class EventPageRows:
    """What the event page lists besides the event itself, in the orders
    of the models: fields of action, speakers (with their accounts) and the
    agenda, each item with its speakers."""

    fields_of_action: list[FieldOfAction]
    speakers: list[Speaker]
    agenda: list[tuple[AgendaItem, list[Speaker]]]


def event_page_rows(*, event: Event, user: AnyUser | None) -> EventPageRows:
    """The event page's rows, read with prepared queries (issue 15: the
    prefetches of fields of action, speakers and agenda cost the page more
    to build and compile than to run); the agenda's speakers only when
    there is an agenda. Notes for `permissions` whether the viewer speaks."""
    speakers = _PAGE_SPEAKERS.all(event_id=event.pk)
    items = _PAGE_AGENDA.all(event_id=event.pk)
    by_item: dict[int, list[Speaker]] = {}
    if items:
        for speaker in _PAGE_AGENDA_SPEAKERS.all(event_id=event.pk):
            by_item.setdefault(speaker.agenda_item_id, []).append(speaker)  # type: ignore[attr-defined]
    if is_signed_in(user):
        # What `permissions.is_speaker` would otherwise ask the database.
        speaking = any(speaker.user_id == user.pk for speaker in speakers)
        event.__dict__.setdefault("_speaker_by_user", {})[user.pk] = speaking
    return EventPageRows(
        fields_of_action=_PAGE_FIELDS_OF_ACTION.all(event_id=event.pk),
        speakers=speakers,
        agenda=[(item, by_item.get(item.pk, [])) for item in items],
    )


_PAGE_FIELDS_OF_ACTION = PreparedQuery(
    lambda event_id: FieldOfAction.objects.filter(events__id=event_id), event_id=int
)
_PAGE_SPEAKERS = PreparedQuery(
    lambda event_id: Speaker.objects.filter(event_id=event_id).select_related("user"),
    event_id=int,
)
_PAGE_AGENDA = PreparedQuery(
    lambda event_id: AgendaItem.objects.filter(event_id=event_id), event_id=int
)
# Each (agenda item, speaker) pair as the speaker, with the item's id.
_PAGE_AGENDA_SPEAKERS = PreparedQuery(
    lambda event_id: (
        Speaker.objects.filter(agenda_items__event_id=event_id)
        .select_related("user")
        .annotate(agenda_item_id=F("agenda_items__id"))
    ),
    event_id=int,
)
