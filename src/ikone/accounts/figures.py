"""The accounts app's public figure for "Netzwerk in Zahlen" and the
overview (`core.figures`): current members of the primary network."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import NetworkMembership
from ikone.core.figures import Period, Total


def current_members(period: Period) -> int:
    """Organisations that are members of the primary network today (the
    period does not apply: membership is a state, not an event)."""
    return NetworkMembership.objects.in_primary_network().current().count()


FIGURES = (
    Total(
        "accounts.members",
        _("Mitglieder im Netzwerk"),
        "ikone.accounts.figures.current_members",
        position=10,
        public=True,
        url_name="organizations:list",
    ),
)
