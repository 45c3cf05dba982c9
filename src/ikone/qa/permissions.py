"""Who may do what with questions, answers and FAQ entries.

Who may *see* a question, its answers, the asking organisation and an FAQ
entry is decided by the platform's one visibility rule,
`ikone.accounts.visibility` (also used by search, suggestions, mails and
the API); this module re-exports those predicates and adds the actions.

Predicates take a `Viewer` (the person plus their organisation ids and
network membership, looked up once per request by `viewer_for`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts import visibility
from ikone.accounts.visibility import ANONYMOUS as ANONYMOUS
from ikone.accounts.visibility import Viewer, can_view_question
from ikone.accounts.visibility import viewer_for as viewer_for

if TYPE_CHECKING:
    from ikone.qa.models import Answer, FAQEntry, Question


def can_see_organization(viewer: Viewer, question: Question) -> bool:
    """Whether the viewer may read which organisation asked."""
    return visibility.can_see_asking_organization(viewer, question)


def can_ask_question(viewer: Viewer) -> bool:
    """Municipal staff (anyone with an organisation), mentors and coordinators."""
    if not viewer.signed_in:
        return False
    if viewer.is_expert:
        return True
    return bool(viewer.organization_ids)


def can_answer_question(viewer: Viewer, question: Question) -> bool:
    """Mentors, coordinators and municipal staff who may see the question."""
    if not can_ask_question(viewer):
        return False
    return can_view_question(viewer, question)


def can_follow_question(viewer: Viewer, question: Question) -> bool:
    """Every signed-in person who may see the question."""
    return viewer.signed_in and can_view_question(viewer, question)


def can_edit_answer(viewer: Viewer, answer: Answer) -> bool:
    """The author of an answer and coordinators."""
    if not viewer.signed_in:
        return False
    if viewer.is_coordinator:
        return True
    return answer.author_id is not None and answer.author_id == viewer.pk


def can_moderate(viewer: Viewer) -> bool:
    """Coordinators mark the official answer, publish to the FAQ, see the figures."""
    return viewer.is_coordinator


def can_publish_faq(viewer: Viewer, question: Question) -> bool:
    """Coordinators publish questions of any visibility (the published wording
    is public; they decide what it reveals)."""
    return can_moderate(viewer)


def can_review_answer(viewer: Viewer, answer: Answer) -> bool:
    """Confirm or update a flagged answer: its author or a coordinator."""
    return can_edit_answer(viewer, answer)


def can_review_faq_entry(viewer: Viewer, entry: FAQEntry) -> bool:
    """Confirm or update a flagged FAQ entry: coordinators."""
    return can_moderate(viewer)


def is_unanswered(question: Question) -> bool:
    return question.first_answer_at is None and not question.answers.exists()


def can_edit_own_question(viewer: Viewer, question: Question) -> bool:
    """The asker edits or withdraws their question while nobody answered it."""
    return (
        viewer.signed_in
        and question.author_id == viewer.pk
        and question.hidden_at is None
        and is_unanswered(question)
    )


def can_request_removal(viewer: Viewer, question: Question) -> bool:
    """Once answered, the asker asks the coordinators to remove it."""
    return (
        viewer.signed_in
        and question.author_id == viewer.pk
        and question.hidden_at is None
        and not is_unanswered(question)
    )


def can_hide_question(viewer: Viewer, question: Question) -> bool:
    """Coordinators hide (and show again) a question, with a reason."""
    return can_moderate(viewer)
