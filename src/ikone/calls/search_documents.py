"""Funding calls and the sections of their current wording in the site-wide
search (discovered by core)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ikone.calls.passages import call_facts, section_passages
from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, passage_id, register


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


def _section_passages(obj: Any) -> list[DocumentData]:
    """Each paragraph and list item of a current section, labelled with the
    section and linking to its anchor."""
    call = obj.version.call
    if call.current_version_id != obj.version_id:
        return []
    return [
        DocumentData(
            object_id=passage_id(obj.pk, number),
            title=f"{obj.number} {obj.title}",
            context=call.title,
            body=text,
            url=obj.get_absolute_url(),
            group=f"call:{call.pk}",
            suggestible=True,
        )
        for number, text in enumerate(section_passages(obj.text), start=1)
    ]


register(
    Provider(
        kind="call_passage",
        label=_("Passage eines Förderaufrufs"),
        label_plural=_("Passagen von Förderaufrufen"),
        model="calls.CallSection",
        document=_section_passages,
        queryset=lambda qs: qs.select_related("version__call"),
        watches={"calls.Call": _sections_of_call},
        position=12,
        listed=False,
        passages=True,
        listed_as="call_section",
    )
)


def _facts(call: Any) -> list[DocumentData]:
    """The call's facts as generated sentences, linking to the part of the
    call page that shows them."""
    return [
        DocumentData(
            object_id=passage_id(call.pk, number),
            title=fact.topic or call.title,
            context=call.title,
            body=fact.text,
            url=f"{call.get_absolute_url()}#{fact.anchor}",
            group=f"call:{call.pk}",
            suggestible=True,
        )
        for number, fact in enumerate(call_facts(call), start=1)
    ]


def _call_of(item: Any) -> list[Any]:
    return [item.call_id]


register(
    Provider(
        kind="call_fact",
        label=_("Eckdatum eines Förderaufrufs"),
        label_plural=_("Eckdaten von Förderaufrufen"),
        model="calls.Call",
        document=_facts,
        queryset=lambda qs: qs.prefetch_related("milestones", "phases", "required_documents"),
        watches={
            "calls.CallMilestone": _call_of,
            "calls.CallPhase": _call_of,
            "calls.RequiredDocument": _call_of,
        },
        position=13,
        listed=False,
        passages=True,
        listed_as="call",
    )
)
