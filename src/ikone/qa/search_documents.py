"""Questions and FAQ entries in the site-wide search (discovered by core)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from ikone.accounts.visibility import question_is_listed
from ikone.core.search.models import Visibility
from ikone.core.search.providers import plain
from ikone.core.search.registry import DocumentData, Provider, register

QUESTION_VISIBILITY = {
    "public": Visibility.PUBLIC,
    "network": Visibility.NETWORK,
    "mentors": Visibility.MENTORS,
}


def _question(obj: Any) -> DocumentData | None:
    if not question_is_listed(obj):
        return None  # hidden by the moderation: gone from search and suggestions
    answers = [plain(answer.text) for answer in obj.answers.all()]
    # A question in the FAQ is suggested through its FAQ entry instead.
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body="\n".join([obj.text, *answers]),
        url=obj.get_absolute_url(),
        context=obj.call.title,
        visibility=QUESTION_VISIBILITY.get(obj.visibility, Visibility.PRIVATE),
        group=f"call:{obj.call_id}",
        organization_id=obj.organization_id,
        owner_id=obj.author_id,
        suggestible=obj.status == "answered",
    )


def _questions_queryset(qs: QuerySet[Any]) -> QuerySet[Any]:
    from ikone.qa.models import Answer

    return qs.prefetch_related(
        Prefetch("answers", queryset=Answer.objects.only("question_id", "text"))
    )


register(
    Provider(
        kind="question",
        label=_("Frage"),
        label_plural=_("Fragen"),
        model="qa.Question",
        document=_question,
        queryset=_questions_queryset,
        watches={
            "qa.Answer": lambda answer: [answer.question_id],
            # Publishing to or withdrawing from the FAQ changes the status.
            "qa.FAQEntry": lambda entry: [entry.question_id],
        },
        position=20,
    )
)


def _faq_ids_of(question: Any) -> list[int]:
    from ikone.qa.models import FAQEntry

    return list(FAQEntry.objects.filter(question=question).values_list("pk", flat=True))


def _faq(obj: Any) -> DocumentData | None:
    if not obj.is_published or not question_is_listed(obj.question):
        return None
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body="\n".join([obj.question_text, plain(obj.answer_text)]),
        url=obj.get_absolute_url(),
        context=obj.call.title,
        group=f"call:{obj.call_id}",
        suggestible=True,
    )


register(
    Provider(
        kind="faq",
        label=_("FAQ-Eintrag"),
        label_plural=_("FAQ"),
        model="qa.FAQEntry",
        document=_faq,
        queryset=lambda qs: qs.select_related("call", "question"),
        # Hiding a question (moderation) takes its FAQ entry out too.
        watches={"qa.Question": lambda question: _faq_ids_of(question)},
        position=15,
    )
)
