"""Chainable filters for funding calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from ikone.calls.models import Call  # noqa: F401 - used in a string annotation


class CallQuerySet(models.QuerySet["Call"]):
    def with_status(self, status: str) -> CallQuerySet:
        return self.filter(status=status)

    def upcoming_deadline(self) -> CallQuerySet:
        """Calls whose deadline has not passed yet."""
        return self.filter(deadline__gt=timezone.now())

    def real(self) -> CallQuerySet:
        """Without the labelled example calls."""
        return self.filter(is_example=False)
