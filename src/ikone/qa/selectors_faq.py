"""The published FAQ of a call as its page shows it, and for the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from ikone.calls.models import Call
from ikone.qa.models import FAQEntry


@dataclass
class FAQGroup:
    """The published entries under one section (or none) of a call."""

    number: str
    title: str
    anchor: str
    entries: list[FAQEntry]


def faq_entries_published(*, call: Call | None = None) -> QuerySet[FAQEntry]:
    """Published FAQ entries (all calls or one), with call and section."""
    queryset = FAQEntry.objects.filter(is_published=True).select_related(
        "call", "section", "question"
    )
    if call is not None:
        queryset = queryset.filter(call=call)
    return queryset.order_by("call__title", "section__position", "pk")


def _number_key(number: str) -> tuple[int | str, ...]:
    return tuple(int(part) if part.isdigit() else part for part in number.split("."))


FAQ_PAGE_FIELDS = (
    *("call_id", "question_id", "title", "question_text", "answer_text"),
    *("published_at", "updated_at", "needs_review", "section_id"),
    *("section__number", "section__title", "section__anchor"),
    *("question__hidden_at", "question__visibility", "question__organization_id"),
    "question__author_id",
)


def faq_groups(*, call: Call) -> list[FAQGroup]:
    """The call's published FAQ grouped by the section each entry is filed
    under, in the order of the section numbers; entries without a section last.
    One query."""
    groups: dict[str, FAQGroup] = {}
    # Only the columns the page, its JSON-LD and the question's visibility
    # read: the call is the one given, and the question's text and the
    # call's long descriptions made every row several KB wide.
    entries = (
        FAQEntry.objects.filter(is_published=True, call=call)
        .select_related("section", "question")
        .only(*FAQ_PAGE_FIELDS)
        .order_by("section__position", "pk")
    )
    for entry in entries:
        entry.call = call
        section = entry.section
        key = section.number if section is not None else ""
        if key not in groups:
            groups[key] = FAQGroup(
                number=key,
                title=section.title if section is not None else "",
                anchor=section.anchor if section is not None else "",
                entries=[],
            )
        groups[key].entries.append(entry)
    return sorted(groups.values(), key=lambda g: (g.number == "", _number_key(g.number)))
