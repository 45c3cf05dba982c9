"""Chainable filters for questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from ikone.accounts.visibility import question_filter

if TYPE_CHECKING:
    from ikone.accounts.visibility import Viewer
    from ikone.qa.models import Question  # noqa: F401 - used in a string annotation


def visible_filter(viewer: Viewer, prefix: str = "") -> models.Q | None:
    """`can_view_question` as a Q object (None: no restriction); `prefix`
    reaches the question through a relation, e.g. "question__". The rule
    itself lives in `ikone.accounts.visibility`."""
    return question_filter(viewer, prefix)


class QuestionQuerySet(models.QuerySet["Question"]):
    def visible_to(self, viewer: Viewer) -> QuestionQuerySet:
        """The questions `viewer` may see (same rules as `can_view_question`)."""
        condition = visible_filter(viewer)
        return self if condition is None else self.filter(condition)

    def public(self) -> QuestionQuerySet:
        return self.filter(visibility="public")
