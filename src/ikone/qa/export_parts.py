"""Q&A's parts of the personal data export (ikone.core.personal_data):
questions, answers, follows and the FAQ work of the person."""

from __future__ import annotations

from typing import Any

from ikone.core.personal_data import ExportPart, register, when
from ikone.qa.models import Answer, FAQEntry, FAQRevision, Question, QuestionFollow


def _questions(user: Any) -> list[dict[str, Any]]:
    rows = Question.objects.filter(author=user).select_related("call").order_by("created_at")
    return [
        {
            "id": row.pk,
            "call": row.call.title if row.call else None,
            "title": row.title,
            "text": row.text,
            "visibility": row.visibility,
            "show_organization": row.show_organization,
            "status": row.status,
            "created_at": when(row.created_at),
            "updated_at": when(row.updated_at),
            "removal_requested_at": when(row.removal_requested_at),
            "hidden_at": when(row.hidden_at),
        }
        for row in rows
    ]


def _moderated(user: Any) -> list[dict[str, Any]]:
    rows = Question.objects.filter(hidden_by=user).order_by("pk")
    return [
        {"question": row.title, "hidden_at": when(row.hidden_at), "reason": row.hidden_reason}
        for row in rows
    ]


def _answers(user: Any) -> list[dict[str, Any]]:
    rows = Answer.objects.filter(author=user).select_related("question").order_by("created_at")
    return [
        {
            "question": row.question.title,
            "text": row.text,
            "is_official": row.is_official,
            "created_at": when(row.created_at),
            "updated_at": when(row.updated_at),
        }
        for row in rows
    ]


def _follows(user: Any) -> list[dict[str, Any]]:
    rows = QuestionFollow.objects.filter(user=user).select_related("question").order_by("pk")
    return [{"question": row.question.title, "since": when(row.created_at)} for row in rows]


def _faq_work(user: Any) -> list[dict[str, Any]]:
    published = FAQEntry.objects.filter(published_by=user).order_by("pk")
    revised = FAQRevision.objects.filter(created_by=user).select_related("entry").order_by("pk")
    return [
        {"faq_entry": row.title, "published_at": when(row.published_at)} for row in published
    ] + [
        {"faq_entry": row.entry.title, "revision": row.number, "created_at": when(row.created_at)}
        for row in revised
    ]


def register_parts() -> None:
    register(
        ExportPart("questions", _questions, covers=("qa.Question.author",)),
        ExportPart("answers", _answers, covers=("qa.Answer.author",)),
        ExportPart("questions_hidden", _moderated, covers=("qa.Question.hidden_by",)),
        ExportPart("question_follows", _follows, covers=("qa.QuestionFollow.user",)),
        ExportPart(
            "faq_work",
            _faq_work,
            covers=("qa.FAQEntry.published_by", "qa.FAQRevision.created_by"),
            note="FAQ entries published and FAQ versions written",
        ),
    )
