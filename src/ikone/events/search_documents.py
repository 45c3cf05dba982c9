"""Events in the site-wide search (discovered by core); drafts are not found."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, register


def _event(obj: Any) -> DocumentData | None:
    if obj.status == "draft":
        return None
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=joined(obj.summary, plain(obj.description), obj.place),
        url=obj.get_absolute_url(),
    )


register(
    Provider(
        kind="event",
        label=_("Veranstaltung"),
        label_plural=_("Veranstaltungen"),
        model="events.Event",
        document=_event,
        position=30,
    )
)
