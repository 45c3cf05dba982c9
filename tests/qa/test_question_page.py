"""The question page reads the question and its related rows with prepared
queries (issue 15): what it hands to the page must be what the former
`prefetch_related` reading gave, in the same order."""

from __future__ import annotations

import pytest
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404

from ikone.accounts.visibility import viewer_for
from ikone.calls.models import CallSection
from ikone.core.models import FieldOfAction
from ikone.qa import selectors
from ikone.qa.models import Answer, Question, QuestionFollow, Visibility
from tests.qa.factories import AnswerFactory, QuestionFactory


def _former_reading(pk: int, user_id: int) -> Question:
    """`question_get_for_view` as it read before the prepared queries."""

    def sections(lookup: str) -> Prefetch:
        return Prefetch(
            lookup,
            queryset=CallSection.objects.select_related("version__call").order_by("position"),
        )

    follows = QuestionFollow.objects.filter(question_id=OuterRef("pk"), user_id=user_id)
    return (
        Question.objects.select_related(
            "call__current_version", "organization", "author", "faq_entry"
        )
        .annotate(viewer_follows=Exists(follows))
        .prefetch_related(
            sections("cited_sections"),
            "fields_of_action",
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("author", "organization")
                .prefetch_related(sections("cited_sections"))
                .order_by("-is_official", "created_at", "pk"),
            ),
        )
        .get(pk=pk)
    )


def _shown(question: Question) -> tuple:
    def section(item: CallSection) -> tuple:
        return (item.pk, item.number, item.version.pk, item.version.call.slug)

    return (
        question.pk,
        question.title,
        question.call.slug,
        question.call.current_version_id,
        question.organization_id,
        question.author_id,
        question.viewer_follows,  # type: ignore[attr-defined]
        [section(item) for item in question.cited_sections.all()],
        [field.key for field in question.fields_of_action.all()],
        [
            (
                answer.pk,
                answer.author and answer.author.pk,
                answer.organization and answer.organization.name,
                answer.is_official,
                answer.question is question,
                [section(item) for item in answer.cited_sections.all()],
            )
            for answer in question.answers.all()
        ],
        question.answers.exists(),
    )


@pytest.mark.django_db
def test_prepared_reading_matches_the_former_one(
    call, organization, staff_member, mentor, coordinator
):
    question = QuestionFactory(call=call.call, organization=organization, author=staff_member)
    question.cited_sections.add(call.sections["3.2"], call.sections["3.1"])
    question.fields_of_action.add(
        FieldOfAction.objects.create(key="probe-mobil", label="Mobilität", position=2),
        FieldOfAction.objects.create(key="probe-energie", label="Energie", position=1),
    )
    QuestionFollow.objects.create(question=question, user=staff_member)
    first = AnswerFactory(question=question, author=mentor, organization=organization)
    first.cited_sections.add(call.sections["3.2"], call.sections["3.1"])
    AnswerFactory(question=question, author=coordinator, is_official=True)
    bare = QuestionFactory(call=call.call, visibility=Visibility.PUBLIC)
    for user in (staff_member, mentor, coordinator):
        who = viewer_for(user)
        for pk in (question.pk, bare.pk):
            shown = selectors.question_get_for_view(viewer=who, pk=pk)
            assert _shown(shown) == _shown(_former_reading(pk, user.pk))
    assert _shown(selectors.question_get_for_view(viewer=viewer_for(mentor), pk=bare.pk))[-2:] == (
        [],
        False,
    )


@pytest.mark.django_db
def test_prepared_reading_keeps_the_visibility_check(call, organization, other_staff):
    hidden = QuestionFactory(
        call=call.call, organization=organization, visibility=Visibility.MENTORS
    )
    with pytest.raises(Http404):
        selectors.question_get_for_view(viewer=viewer_for(other_staff), pk=hidden.pk)
    with pytest.raises(Http404):
        selectors.question_get_for_view(viewer=viewer_for(other_staff), pk=hidden.pk + 1000)
