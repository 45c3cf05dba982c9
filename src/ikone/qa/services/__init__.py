"""Writes of the questions app. Views, the API and the demo call these."""

from ikone.qa.services.answers import (
    answer_create,
    answer_mark_official,
    answer_unmark_official,
    answer_update,
)
from ikone.qa.services.faq import faq_entry_unpublish, faq_entry_update, faq_publish
from ikone.qa.services.questions import question_create, question_follow, question_unfollow
from ikone.qa.services.review import (
    FlagResult,
    answer_review_confirm,
    faq_entry_review_confirm,
    flag_for_amendment,
)

__all__ = [
    "FlagResult",
    "answer_create",
    "answer_mark_official",
    "answer_review_confirm",
    "answer_unmark_official",
    "answer_update",
    "faq_entry_review_confirm",
    "faq_entry_unpublish",
    "faq_entry_update",
    "faq_publish",
    "flag_for_amendment",
    "question_create",
    "question_follow",
    "question_unfollow",
]
