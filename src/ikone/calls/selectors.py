"""Reads of funding calls and their sections.

Other apps (questions, search, applications, events) use these instead of
querying the models themselves:

- `call_list()` / `call_get(slug=…)`: calls with what their pages show;
- `current_sections(call)`: the sections of the current version, in order;
- `version_sections(version)`: the sections of any version;
- `section_in_current_version(section)`: the same-numbered section of the
  current version (None if it was removed);
- `sections_by_numbers(call, numbers, version=None)`: look sections up by
  "3.2"-style numbers (current version by default).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, F, IntegerField, Prefetch, QuerySet, Value, When
from django.http import Http404

from ikone.calls.models import (
    Call,
    CallSection,
    CallVersion,
    EvaluationCriterion,
    RequiredDocument,
)
from ikone.core.prepared import PreparedQuery


def call_list(*, status: str | None = None) -> QuerySet[Call]:
    """All calls (calls are public), open ones first, then by deadline."""
    qs = Call.objects.select_related("current_version")
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        status_order=Case(
            When(status="open", then=Value(0)),
            When(status="announced", then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("status_order", "-deadline", "title")


def call_get(*, slug: str, with_facts: bool = True) -> Call:
    """One call; with its facts (phases, documents, criteria, dates, fields
    of action) prefetched unless `with_facts=False`; retired documents and
    criteria are left out. 404 if unknown."""
    qs = Call.objects.select_related("current_version")
    if with_facts:
        qs = qs.prefetch_related(
            "phases",
            Prefetch("required_documents", RequiredDocument.objects.filter(retired=False)),
            Prefetch("criteria", EvaluationCriterion.objects.filter(retired=False)),
            "milestones",
            "fields_of_action",
        )
    try:
        return qs.get(slug=slug)
    except Call.DoesNotExist:
        raise Http404 from None


def call_versions(call: Call) -> QuerySet[CallVersion]:
    return call.versions.select_related("published_by").order_by("-number")


def version_get(*, call: Call, number: int) -> CallVersion:
    try:
        version = call.versions.select_related("published_by").get(number=number)
    except CallVersion.DoesNotExist:
        raise Http404 from None
    version.call = call
    return version


# Question, answer and section pages read a version's sections on every
# request: built and compiled once per process (core.prepared).
_VERSION_SECTIONS: PreparedQuery[CallSection] = PreparedQuery(
    lambda pk: CallSection.objects.filter(version_id=pk).order_by("position"), pk=int
)


def version_sections(version: CallVersion) -> list[CallSection]:
    """The sections of a version in reading order, with `version.call` set
    on each, so `get_absolute_url()` costs no query."""
    sections = _VERSION_SECTIONS.all(pk=version.pk)
    for section in sections:
        section.version = version
    return sections


def current_sections(call: Call) -> list[CallSection]:
    """The sections of the call's current version (empty if it has none)."""
    version = call.current_version
    if version is None:
        return []
    version.call = call
    return version_sections(version)


def section_in_current_version(section: CallSection) -> CallSection | None:
    """The section with the same number in the call's current version."""
    call = section.version.call
    if call.current_version_id == section.version_id:
        return section
    return (
        CallSection.objects.select_related("version__call")
        .filter(version_id=call.current_version_id, number=section.number)
        .first()
    )


def sections_by_numbers(
    call: Call, numbers: Iterable[str], *, version: CallVersion | None = None
) -> list[CallSection]:
    """Sections of one version (default: current) with the given numbers."""
    version_id = version.pk if version is not None else call.current_version_id
    return list(
        CallSection.objects.select_related("version__call")
        .filter(version_id=version_id, number__in=list(numbers))
        .order_by("position")
    )


def sections_for_search() -> QuerySet[CallSection]:
    """Sections of every call's current version, for indexing."""
    return (
        CallSection.objects.filter(version_id=F("version__call__current_version_id"))
        .select_related("version__call")
        .order_by("version__call__title", "position")
    )
