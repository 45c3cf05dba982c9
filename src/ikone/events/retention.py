"""The events app's retention rules (`core.retention`): what people wrote
about their needs is cleared soon after the event; registrations
themselves go after a longer period. Registered in `EventsConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ikone.core.retention import RetentionRule
from ikone.events.models import Registration


def clear_needs(cutoff: dt.datetime) -> int:
    """Empty the accessibility needs and notes of registrations for events
    that ended before the cutoff."""
    return (
        Registration.objects.filter(event__ends_at__lt=cutoff)
        .filter(~Q(accessibility_needs="") | ~Q(note=""))
        .update(accessibility_needs="", note="")
    )


def delete_registrations(cutoff: dt.datetime) -> int:
    """Delete registrations for events that ended before the cutoff."""
    deleted, _by_model = Registration.objects.filter(event__ends_at__lt=cutoff).delete()
    return deleted


_HERE = "ikone.events.retention"
RULES = (
    RetentionRule(
        "events.accessibility_needs",
        _("Angaben zu Barrierefreiheit und Anmerkungen bei Anmeldungen"),
        _("Werden nach Ablauf der Frist ab dem Ende der Veranstaltung geleert."),
        f"{_HERE}.clear_needs",
        default_days=30,
        position=10,
    ),
    RetentionRule(
        "events.registrations",
        _("Anmeldungen zu Veranstaltungen"),
        _(
            "Werden nach Ablauf der Frist ab dem Ende der Veranstaltung gelöscht; "
            "die Kennzahlen zählen danach nur noch, was übrig ist."
        ),
        f"{_HERE}.delete_registrations",
        default_days=1095,
        minimum_days=30,
        position=11,
    ),
)
