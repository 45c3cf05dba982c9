"""The "Auslegung prüfen" flag: set when a call is amended, cleared when
someone confirms an answer or FAQ entry (or updates it, see answers/faq)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ikone.calls import selectors as call_selectors
from ikone.calls.models import Call, CallSection
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require, require_user
from ikone.qa import permissions
from ikone.qa.exceptions import NotFlaggedError
from ikone.qa.models import Answer, FAQEntry


@dataclass(frozen=True)
class FlagResult:
    answers: int
    faq_entries: int


def _merge(existing: list[str], new: Iterable[str]) -> list[str]:
    return sorted(set(existing) | set(new))


@transaction.atomic
def flag_for_amendment(*, call: Call, changed_numbers: Iterable[str]) -> FlagResult:
    """Flag every answer on the call that cites one of `changed_numbers`,
    and every FAQ entry filed under such a section or built on such an
    answer. Runs inside the amendment's transaction (the `call_amended`
    receiver); one audit entry per flagged object, by the system."""
    numbers = {str(number) for number in changed_numbers}
    if not numbers:
        return FlagResult(0, 0)
    now = timezone.now()
    # PostgreSQL locks no DISTINCT rows: find the ids first, then lock them.
    citing = (
        Answer.objects.filter(question__call=call, cited_sections__number__in=numbers)
        .values_list("pk", flat=True)
        .distinct()
    )
    answers = list(
        Answer.objects.select_for_update()
        .filter(pk__in=list(citing))
        .order_by("pk")
        .prefetch_related("cited_sections")
    )
    flagged_answer_ids: dict[int, list[str]] = {}
    for answer in answers:
        hit = sorted(numbers & {section.number for section in answer.cited_sections.all()})
        answer.needs_review = True
        answer.review_numbers = _merge(answer.review_numbers, hit)
        answer.flagged_at = now
        answer.save(update_fields=["needs_review", "review_numbers", "flagged_at"])
        flagged_answer_ids[answer.pk] = hit
        audit.record(Actor.system(), "qa.answer.flagged", target=answer, data={"sections": hit})
    entries = list(
        FAQEntry.objects.select_for_update(of=("self",))
        .filter(call=call)
        .select_related("section")
        .order_by("pk")
    )
    flagged_entries = 0
    for entry in entries:
        hit_set = set(flagged_answer_ids.get(entry.official_answer_id, []))
        if entry.section is not None and entry.section.number in numbers:
            hit_set.add(entry.section.number)
        if not hit_set:
            continue
        entry.needs_review = True
        entry.review_numbers = _merge(entry.review_numbers, hit_set)
        entry.flagged_at = now
        entry.save(update_fields=["needs_review", "review_numbers", "flagged_at"])
        flagged_entries += 1
        audit.record(
            Actor.system(),
            "qa.faq_entry.flagged",
            target=entry,
            data={"sections": sorted(hit_set)},
        )
    return FlagResult(answers=len(answers), faq_entries=flagged_entries)


def _current(sections: Iterable[CallSection]) -> list[CallSection]:
    """The same-numbered sections of the current version (removed ones drop out)."""
    found = [call_selectors.section_in_current_version(section) for section in sections]
    return [section for section in found if section is not None]


@transaction.atomic
def answer_review_confirm(*, actor: Actor, answer: Answer) -> Answer:
    """The answer still holds for the amended call: clear the flag and let
    its citations point at the current version's sections."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_review_answer(viewer, answer))
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if not answer.needs_review:
        raise NotFlaggedError
    numbers = list(answer.review_numbers)
    answer.cited_sections.set(_current(answer.cited_sections.select_related("version__call")))
    answer.needs_review = False
    answer.review_numbers = []
    answer.flagged_at = None
    answer.save(update_fields=["needs_review", "review_numbers", "flagged_at"])
    audit.record(actor, "qa.answer.review_confirmed", target=answer, data={"sections": numbers})
    return answer


@transaction.atomic
def faq_entry_review_confirm(*, actor: Actor, entry: FAQEntry) -> FAQEntry:
    """The published wording still holds (coordinators): clear the flag and
    file the entry under the current version's section."""
    viewer = permissions.viewer_for(require_user(actor))
    require(permissions.can_review_faq_entry(viewer, entry))
    entry = (
        FAQEntry.objects.select_for_update(of=("self",))
        .select_related("section__version__call")
        .get(pk=entry.pk)
    )
    if not entry.needs_review:
        raise NotFlaggedError
    numbers = list(entry.review_numbers)
    if entry.section is not None:
        entry.section = call_selectors.section_in_current_version(entry.section)
    entry.needs_review = False
    entry.review_numbers = []
    entry.flagged_at = None
    entry.save(update_fields=["section", "needs_review", "review_numbers", "flagged_at"])
    audit.record(actor, "qa.faq_entry.review_confirmed", target=entry, data={"sections": numbers})
    return entry
