"""Reads of questions, answers and FAQ entries.

Selectors never write. `question_get_for_view` fetches and checks in one
step (Http404 when the person may not see the question). Every list costs
a constant number of queries however many rows it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from ikone.calls import selectors as call_selectors
from ikone.calls.models import CallSection
from ikone.core.models import FieldOfAction
from ikone.core.pagecache import memo
from ikone.core.prepared import PreparedQuery
from ikone.qa import permissions
from ikone.qa.models import Answer, FAQEntry, FAQRevision, Question, QuestionFollow
from ikone.qa.permissions import Viewer

if TYPE_CHECKING:
    from ikone.accounts.models import Organization

T = TypeVar("T")


@dataclass(frozen=True)
class QuestionFilters:
    """What `/fragen/` filters by; empty values mean "all"."""

    call: str = ""
    status: str = ""
    section: str = ""
    field_of_action: str = ""


# What a card of /fragen/ (qa/list_rows.py) and `can_see_organization` read.
QUESTION_LIST_FIELDS = (
    "title",
    "status",
    "visibility",
    "show_organization",
    "created_at",
    "call__title",
    "organization__name",
)


def _sections_prefetch(lookup: str) -> Prefetch:
    return Prefetch(
        lookup,
        queryset=CallSection.objects.select_related("version__call").order_by("position"),
    )


def question_list(*, viewer: Viewer, filters: QuestionFilters | None = None) -> QuerySet[Question]:
    """The questions `viewer` may see, newest first, each with `call`,
    `organization` and `answer_count`; filtered by call slug, status, cited
    section number (in the question or one of its answers) and field of
    action key."""
    filters = filters or QuestionFilters()
    answers = (
        Answer.objects.filter(question_id=OuterRef("pk"))
        .order_by()
        .values("question_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # Only what a card shows and `can_see_organization` asks: the question's
    # text and the call's long descriptions made each row several KB wide.
    queryset = (
        Question.objects.visible_to(viewer)
        .select_related("call", "organization")
        .only(*QUESTION_LIST_FIELDS)
        .annotate(answer_count=Coalesce(Subquery(answers), 0))
    )
    if filters.call:
        queryset = queryset.filter(call__slug=filters.call)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.section:
        in_question = Question.cited_sections.through.objects.filter(
            question_id=OuterRef("pk"), callsection__number=filters.section
        )
        in_answers = Answer.cited_sections.through.objects.filter(
            answer__question_id=OuterRef("pk"), callsection__number=filters.section
        )
        queryset = queryset.filter(Q(Exists(in_question)) | Q(Exists(in_answers)))
    if filters.field_of_action:
        in_field = Question.fields_of_action.through.objects.filter(
            question_id=OuterRef("pk"), fieldofaction__key=filters.field_of_action
        )
        queryset = queryset.filter(Exists(in_field))
    return queryset.order_by("-created_at", "-pk")


def _audience_key(viewer: Viewer) -> str:
    """What decides which questions of a list the viewer sees, and which
    asking organisations: the same key means the same rows."""
    audience = viewer.audience
    if audience.sees_all:
        return "all"
    return repr(
        (
            sorted(audience.scopes),
            sorted(audience.organization_ids),
            audience.user_id,
            viewer.signed_in,
            viewer.is_expert,
            sorted(viewer.organization_ids),
        )
    )


def remembered(prefix: str, viewer: Viewer, parts: Any, compute: Callable[[], T]) -> T:
    """`compute()` as a memo per audience (`_audience_key`), language and
    `parts` (filters, page), computed anew after any write to a table it
    read. The audience is part of the key, so nobody gets what was computed
    for a person who may see other questions or other asking organisations."""
    return memo.get_or_compute(memo.key(prefix, _audience_key(viewer), parts), compute)


def question_count(*, viewer: Viewer, filters: QuestionFilters | None = None) -> int:
    """How many questions `question_list` holds: a memo per audience and
    filters, counted anew after any write to a table the count read (tens of
    thousands of questions make the count dearer than the page's rows). The
    audience is part of the key, so nobody gets a count of what another
    person may see."""
    filters = filters or QuestionFilters()
    # The queryset is built only when the memo has no count.
    return remembered(
        "qa:question-count",
        viewer,
        astuple(filters),
        lambda: question_list(viewer=viewer, filters=filters).count(),
    )


@dataclass
class QuestionPage:
    """What a question's page shows that is the same for everyone who may
    see the question: the question with its related rows (as
    `question_get_for_view` describes) and the sections of its call's
    current version, which an answer may cite."""

    question: Question
    citable_sections: list[CallSection]


def question_page_for_view(*, viewer: Viewer, pk: int) -> QuestionPage:
    """The question's page data (`question_get_for_view`) and the sections
    an answer may cite. Http404 when it does not exist or the viewer may not
    see it.

    The shared part is a memo per question (docs/adr/0006-page-cache.md):
    read anew after any write to a table it was read from, and the same for
    every viewer; what differs per person is checked and read after it
    (the visibility check, whether the viewer follows the question)."""
    page = memo.get_or_compute(memo.key("qa:question-page", int(pk)), lambda: _question_page(pk))
    if page is None or not permissions.can_view_question(viewer, page.question):
        raise Http404
    # Each reading unpickles its own copy: the per-person flag stays with it.
    page.question.viewer_follows = viewer.signed_in and (  # type: ignore[attr-defined]
        _FOLLOW.first(pk=pk, user_id=viewer.pk or 0) is not None
    )
    return page


def question_get_for_view(*, viewer: Viewer, pk: int) -> Question:
    """One question with call, cited sections, fields of action, its FAQ
    entry and its answers (with their authors and cited sections), read in
    a fixed number of queries when the memo (`question_page_for_view`) has
    none; `viewer_follows` says whether the viewer follows it. Http404 when
    it does not exist or the viewer may not see it."""
    return question_page_for_view(viewer=viewer, pk=pk).question


def _question_page(pk: int) -> QuestionPage | None:
    """The question and its related rows as `prefetch_related` would hand
    them over, read with queries built and compiled once per process
    (core.prepared)."""
    question = _QUESTION_FOR_VIEW.first(pk=pk)
    if question is None:
        return None
    _attach_related(question)
    return QuestionPage(
        question=question, citable_sections=call_selectors.current_sections(question.call)
    )


def _sections_of(through: Any, owner: str) -> Callable[[int], QuerySet]:
    def build(pk: int) -> QuerySet:
        return (
            through.objects.filter(**{owner: pk})
            .select_related("callsection__version__call")
            .order_by("callsection__position")
        )

    return build


_QUESTION_FOR_VIEW: PreparedQuery[Question] = PreparedQuery(
    lambda pk: Question.objects.select_related(
        "call__current_version", "organization", "author", "faq_entry"
    ).filter(pk=pk),
    pk=int,
)
_FOLLOW: PreparedQuery[int] = PreparedQuery(
    lambda pk, user_id: QuestionFollow.objects.filter(question_id=pk, user_id=user_id).values_list(
        "pk", flat=True
    ),
    pk=int,
    user_id=int,
)
_QUESTION_SECTIONS: PreparedQuery[Any] = PreparedQuery(
    _sections_of(Question.cited_sections.through, "question_id"), pk=int
)
_QUESTION_FIELDS: PreparedQuery[Any] = PreparedQuery(
    lambda pk: (
        Question.fields_of_action.through.objects.filter(question_id=pk)
        .select_related("fieldofaction")
        .order_by("fieldofaction__position", "fieldofaction__label")  # FieldOfAction's order
    ),
    pk=int,
)
_QUESTION_ANSWERS: PreparedQuery[Answer] = PreparedQuery(
    lambda pk: (
        Answer.objects.select_related("author", "organization")
        .filter(question_id=pk)
        .order_by("-is_official", "created_at", "pk")
    ),
    pk=int,
)
_ANSWER_SECTIONS: PreparedQuery[Any] = PreparedQuery(
    _sections_of(Answer.cited_sections.through, "answer__question_id"), pk=int
)


def _prefetched(instance: Any, name: str, model: type, rows: list[Any]) -> None:
    """`rows` as `instance.<name>.all()`, as prefetch_related leaves them."""
    queryset: QuerySet = QuerySet(model=model)
    queryset._result_cache = rows
    queryset._prefetch_done = True  # type: ignore[attr-defined]
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def _attach_related(question: Question) -> None:
    """The question's cited sections, fields of action and answers (each
    with its cited sections), read in four prepared queries."""
    pk = question.pk
    _prefetched(
        question,
        "cited_sections",
        CallSection,
        [link.callsection for link in _QUESTION_SECTIONS.all(pk=pk)],
    )
    _prefetched(
        question,
        "fields_of_action",
        FieldOfAction,
        [link.fieldofaction for link in _QUESTION_FIELDS.all(pk=pk)],
    )
    answers = _QUESTION_ANSWERS.all(pk=pk)
    cited: dict[int, list[CallSection]] = {answer.pk: [] for answer in answers}
    if answers:
        for link in _ANSWER_SECTIONS.all(pk=pk):
            cited[link.answer_id].append(link.callsection)
    for answer in answers:
        Answer.question.field.set_cached_value(answer, question)
        _prefetched(answer, "cited_sections", CallSection, cited[answer.pk])
    _prefetched(question, "answers", Answer, answers)


def question_get_for_action(*, viewer: Viewer, pk: int, check) -> Question:
    """The question if `check(viewer, question)` allows the action: Http404
    when it is not visible, PermissionDenied when visible but refused."""
    question = Question.objects.select_related("call__current_version").filter(pk=pk).first()
    if question is None or not permissions.can_view_question(viewer, question):
        raise Http404
    if not check(viewer, question):
        raise PermissionDenied
    return question


def answer_get_for_action(*, viewer: Viewer, pk: int, check) -> Answer:
    """An answer (with its question and call) if `check(viewer, answer)`
    allows the action; Http404 when its question is not visible."""
    answer = (
        Answer.objects.select_related("question__call__current_version", "author")
        .prefetch_related(_sections_prefetch("cited_sections"))
        .filter(pk=pk)
        .first()
    )
    if answer is None or not permissions.can_view_question(viewer, answer.question):
        raise Http404
    if not check(viewer, answer):
        raise PermissionDenied
    return answer


def faq_entry_of(question: Question) -> FAQEntry | None:
    """The FAQ entry loaded with the question (select_related), if any."""
    try:
        return question.faq_entry
    except FAQEntry.DoesNotExist:
        return None


def faq_revisions(*, entry: FAQEntry) -> list[FAQRevision]:
    """Every published wording of an entry, newest first: a memo per entry
    (for the coordinators' panel on the question page)."""
    pk = int(entry.pk)
    return memo.get_or_compute(memo.key("qa:faq-revisions", pk), lambda: _FAQ_REVISIONS.all(pk=pk))


_FAQ_REVISIONS: PreparedQuery[FAQRevision] = PreparedQuery(
    lambda pk: (
        FAQRevision.objects.select_related("created_by").filter(entry_id=pk).order_by("-number")
    ),
    pk=int,
)


def faq_entry_for_question(*, question: Question) -> FAQEntry | None:
    """The FAQ entry of a question (published or not) with its revisions."""
    return (
        FAQEntry.objects.select_related("section", "official_answer")
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=FAQRevision.objects.select_related("created_by").order_by("-number"),
            )
        )
        .filter(question=question)
        .first()
    )


def viewer_organizations(*, viewer: Viewer) -> list[Organization]:
    """The organisations the viewer may ask or answer for."""
    from ikone.accounts.models import Organization

    if not viewer.organization_ids:
        return []
    return list(Organization.objects.filter(pk__in=viewer.organization_ids).order_by("name"))


# --- Coordinators: review flags ------------------------------------------------------


def flagged_answers(*, viewer: Viewer) -> QuerySet[Answer]:
    """Answers flagged "Auslegung prüfen": all for coordinators, one's own
    for everyone else."""
    queryset = Answer.objects.filter(needs_review=True).select_related("question__call", "author")
    if not permissions.can_moderate(viewer):
        queryset = queryset.filter(author_id=viewer.pk or 0)
    return queryset.order_by("-flagged_at", "pk")


def flagged_faq_entries() -> QuerySet[FAQEntry]:
    """FAQ entries flagged "Auslegung prüfen" (coordinators' list)."""
    return (
        FAQEntry.objects.filter(needs_review=True)
        .select_related("call", "question")
        .order_by("-flagged_at", "pk")
    )
