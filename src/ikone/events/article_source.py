"""Past workshops as the source of knowledge articles (registered with
`core.article_sources` in `EventsConfig.ready()`): title, date, speakers,
call, fields of action, the description and the materials' titles."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ikone.core.article_sources import ArticleSource, SourceProvider
from ikone.core.datetimes import berlin_date
from ikone.core.search.providers import plain
from ikone.events.models import Event, EventStatus

CHOICES_LIMIT = 100


def past_events() -> list[tuple[str, str, dt.date]]:
    events = (
        Event.objects.filter(ends_at__lt=timezone.now())
        .exclude(status__in=[EventStatus.DRAFT, EventStatus.CANCELLED])
        .order_by("-starts_at")
        .values_list("slug", "title", "starts_at")[:CHOICES_LIMIT]
    )
    return [(slug, title, berlin_date(starts)) for slug, title, starts in events]


def event_source(slug: str) -> ArticleSource | None:
    event = (
        Event.objects.filter(slug=slug)
        .prefetch_related("speakers__user", "fields_of_action", "materials")
        .first()
    )
    if event is None or event.status == EventStatus.DRAFT:
        return None
    return ArticleSource(
        key=f"event:{event.slug}",
        title=event.title,
        date=berlin_date(event.starts_at),
        url=event.get_absolute_url(),
        speakers=tuple(
            speaker.display_name + (f" ({speaker.affiliation})" if speaker.affiliation else "")
            for speaker in event.speakers.all()
        ),
        call_ids=(event.call_id,) if event.call_id else (),
        field_keys=tuple(field.key for field in event.fields_of_action.all()),
        text="\n\n".join(part for part in (event.summary, plain(event.description)) if part),
        materials=tuple(material.title for material in event.materials.all()),
    )


PROVIDER = SourceProvider(
    kind="event", label=_("Veranstaltung"), choices=past_events, get=event_source
)
