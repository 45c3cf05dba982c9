"""Chainable filters for the accounts models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from ikone.core.datetimes import berlin_date

if TYPE_CHECKING:
    from datetime import date

    from ikone.accounts.models import NetworkMembership  # noqa: F401 - used in a string annotation


class NetworkMembershipQuerySet(models.QuerySet["NetworkMembership"]):
    def in_primary_network(self) -> NetworkMembershipQuerySet:
        return self.filter(network__is_primary=True)

    def current(self, today: date | None = None) -> NetworkMembershipQuerySet:
        """Members whose membership has not ended (status member, no past end
        date) on `today` (the Berlin day now without it)."""
        today = today or berlin_date()
        return self.filter(status="member").filter(
            models.Q(member_until__isnull=True) | models.Q(member_until__gte=today)
        )
