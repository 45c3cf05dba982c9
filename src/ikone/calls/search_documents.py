"""Funding calls and the sections of their current wording in the site-wide
search (discovered by core)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, register


def _call(obj: Any) -> DocumentData:
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=joined(
            obj.programme, obj.funder, obj.theme, plain(obj.summary), plain(obj.eligibility)
        ),
        url=obj.get_absolute_url(),
        group=f"call:{obj.pk}",
    )


register(
    Provider(
        kind="call",
        label=_("Förderaufruf"),
        label_plural=_("Förderaufrufe"),
        model="calls.Call",
        document=_call,
        position=10,
    )
)


def _section(obj: Any) -> DocumentData | None:
    call = obj.version.call
    if call.current_version_id != obj.version_id:
        return None  # older wordings stay readable on the call, but are not found
    return DocumentData(
        object_id=str(obj.pk),
        title=f"{obj.number} {obj.title}",
        context=call.title,
        body=plain(obj.text),
        url=obj.get_absolute_url(),
        group=f"call:{call.pk}",
        suggestible=True,
    )


def _sections_of_call(call: Any) -> list[Any]:
    # A new current version changes which sections are found.
    from ikone.calls.models import CallSection

    return list(CallSection.objects.filter(version__call=call).values_list("pk", flat=True))


register(
    Provider(
        kind="call_section",
        label=_("Abschnitt eines Förderaufrufs"),
        label_plural=_("Abschnitte von Förderaufrufen"),
        model="calls.CallSection",
        document=_section,
        queryset=lambda qs: qs.select_related("version__call"),
        watches={"calls.Call": _sections_of_call},
        position=11,
    )
)
