"""The readiness check: what is still missing before a draft can be submitted.

Checks are functions `check(context) -> Iterable[ReadinessItem]` collected
in a registry. The core checks (sections, criteria, documents) are
registered below; other modules add theirs with the decorator, e.g. A2's
financing and schedule checks in `ikone.applications.checks.<module>`::

    from ikone.applications.readiness import ReadinessItem, register

    @register("financing", order=40)
    def financing_check(context):
        yield ReadinessItem(key="financing.total", label=..., met=..., mandatory=True)

Every module in the package `ikone.applications.checks` is imported when the
app is ready (`autodiscover`). The score is the weighted share of met items
(0–100, rounded down); a draft is "bereit zur Einreichung" only when every
mandatory item is met and the deadline has not passed.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext_lazy as _

from ikone.applications.models import Draft, DraftSection
from ikone.core.datetimes import berlin_date, berlin_datetime


@dataclass(frozen=True)
class ReadinessItem:
    """One thing the check looked at."""

    key: str
    label: str | Promise
    met: bool
    mandatory: bool = True
    weight: int = 1
    detail: str | Promise = ""
    url: str = ""
    group: str | Promise = ""


@dataclass
class ReadinessContext:
    """What checks may use. Loads lazily and once; checks never write."""

    draft: Draft
    today: date = field(default_factory=berlin_date)

    @cached_property
    def sections(self) -> list[DraftSection]:
        from ikone.applications import selectors

        return selectors.draft_sections(draft=self.draft)

    @cached_property
    def criteria(self):  # list[selectors_checklist.CriterionRow]
        from ikone.applications import selectors_checklist

        return selectors_checklist.criteria_matrix(draft=self.draft, sections=self.sections)

    @cached_property
    def documents(self):  # list[selectors_checklist.DocumentRow]
        from ikone.applications import selectors_checklist

        return selectors_checklist.document_checklist(draft=self.draft)


Check = Callable[[ReadinessContext], Iterable[ReadinessItem]]


@dataclass(frozen=True)
class _Registered:
    name: str
    order: int
    check: Check


_REGISTRY: dict[str, _Registered] = {}


def register(name: str, *, order: int = 50) -> Callable[[Check], Check]:
    """Add a check under a unique name; registering a name again replaces it."""

    def decorate(check: Check) -> Check:
        _REGISTRY[name] = _Registered(name=name, order=order, check=check)
        return check

    return decorate


def registered_checks() -> list[str]:
    return [entry.name for entry in sorted(_REGISTRY.values(), key=lambda e: e.order)]


def autodiscover() -> None:
    """Import every module of `ikone.applications.checks` so they register."""
    try:
        package = importlib.import_module("ikone.applications.checks")
    except ModuleNotFoundError:
        return
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


@dataclass
class Readiness:
    items: list[ReadinessItem]
    days_left: int | None
    deadline_passed: bool
    context: ReadinessContext | None = None

    @property
    def score(self) -> int:
        """Weighted share of met items in percent, rounded down (0–100)."""
        total = sum(item.weight for item in self.items)
        if total == 0:
            return 0
        met = sum(item.weight for item in self.items if item.met)
        return met * 100 // total

    @property
    def missing(self) -> list[ReadinessItem]:
        return [item for item in self.items if not item.met]

    @property
    def groups(self) -> list[tuple[str, list[ReadinessItem]]]:
        """Items by group, in check order."""
        grouped: dict[str, list[ReadinessItem]] = {}
        for item in self.items:
            grouped.setdefault(str(item.group), []).append(item)
        return list(grouped.items())

    @property
    def missing_mandatory(self) -> list[ReadinessItem]:
        return [item for item in self.missing if item.mandatory]

    @property
    def ready(self) -> bool:
        """Every mandatory item met and the deadline not passed."""
        return not self.missing_mandatory and not self.deadline_passed


def readiness_for(
    draft: Draft, *, today: date | None = None, now: datetime | None = None
) -> Readiness:
    """Run every registered check on the draft at `now` (the current instant
    without it; with only `today`, at the start of that Berlin day).

    Days left count Berlin calendar days: 0 on the deadline's day until the
    deadline, whatever the UTC date is (00:30 Berlin is 23:30 UTC the day
    before); the deadline has passed from its very instant on."""
    if now is None:
        now = berlin_datetime(today) if today is not None else timezone.now()
    context = ReadinessContext(draft=draft, today=berlin_date(now))
    items: list[ReadinessItem] = []
    for entry in sorted(_REGISTRY.values(), key=lambda e: e.order):
        items.extend(entry.check(context))
    days_left = None
    deadline = draft.call.deadline
    if deadline is not None:
        days_left = (berlin_date(deadline) - context.today).days
    return Readiness(
        items=items,
        days_left=days_left,
        deadline_passed=deadline is not None and deadline <= now,
        context=context,
    )


# --- The core checks -----------------------------------------------------------------


@register("sections", order=10)
def sections_check(context: ReadinessContext) -> Iterator[ReadinessItem]:
    """Every section written and at least as long as its minimum."""
    draft = context.draft
    for section in context.sections:
        url = reverse("applications:section", kwargs={"pk": draft.pk, "section_key": section.key})
        detail: str | Promise
        if section.length == 0:
            detail = _("Noch leer.")
        elif section.length < section.min_length:
            detail = _("%(length)s von mindestens %(minimum)s Zeichen.") % {
                "length": section.length,
                "minimum": section.min_length,
            }
        else:
            detail = ""
        yield ReadinessItem(
            key=f"section.{section.key}",
            label=section.title,
            met=section.is_long_enough,
            weight=2,
            detail=detail,
            url=url,
            group=_("Abschnitte"),
        )


@register("criteria", order=20)
def criteria_check(context: ReadinessContext) -> Iterator[ReadinessItem]:
    """Every evaluation criterion addressed by at least one section."""
    url = reverse("applications:criteria", kwargs={"pk": context.draft.pk})
    for row in context.criteria:
        if row.retired:
            continue
        yield ReadinessItem(
            key=f"criterion.{row.criterion.pk}",
            label=row.criterion.title,
            met=row.covered,
            detail="" if row.covered else _("Kein Abschnitt behandelt dieses Kriterium."),
            url=url,
            group=_("Bewertungskriterien"),
        )


@register("documents", order=30)
def documents_check(context: ReadinessContext) -> Iterator[ReadinessItem]:
    """Every document of the application stage available; optional ones
    count for the score but not for readiness."""
    url = reverse("applications:documents", kwargs={"pk": context.draft.pk})
    for row in context.documents:
        if row.required.stage != "application" or row.retired:
            continue
        yield ReadinessItem(
            key=f"document.{row.required.pk}",
            label=row.required.title,
            met=row.is_available,
            mandatory=row.required.mandatory,
            detail="" if row.is_available else _("Liegt noch nicht vor."),
            url=url,
            group=_("Unterlagen"),
        )
