"""Chainable filters for questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from ikone.qa.models import Question  # noqa: F401 - used in a string annotation
    from ikone.qa.permissions import Viewer


def visible_filter(viewer: Viewer, prefix: str = "") -> models.Q | None:
    """The visibility rules of `permissions.can_view_question` as a Q object
    (None: no restriction). `prefix` reaches the question through a relation,
    e.g. "question__"."""
    if viewer.is_expert:
        return None
    condition = models.Q(**{f"{prefix}visibility": "public"})
    if not viewer.signed_in:
        return condition
    condition |= models.Q(**{f"{prefix}author_id": viewer.pk})
    if viewer.organization_ids:
        condition |= models.Q(**{f"{prefix}organization_id__in": sorted(viewer.organization_ids)})
    if viewer.in_network:
        condition |= models.Q(**{f"{prefix}visibility": "network"})
    return condition


class QuestionQuerySet(models.QuerySet["Question"]):
    def visible_to(self, viewer: Viewer) -> QuestionQuerySet:
        """The questions `viewer` may see (same rules as `can_view_question`)."""
        condition = visible_filter(viewer)
        return self if condition is None else self.filter(condition)

    def public(self) -> QuestionQuerySet:
        return self.filter(visibility="public")
