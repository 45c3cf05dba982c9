"""The countdown to a call's deadline, in German ("noch 23 Tage")."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.core.datetimes import berlin_date


def days_left(deadline: dt.datetime, now: dt.datetime | None = None) -> int:
    """Berlin calendar days from today to the deadline's day (whatever time
    zone is active). Negative once the day is over."""
    now = now or timezone.now()
    return (berlin_date(deadline) - berlin_date(now)).days


def countdown_label(deadline: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """ "noch 23 Tage", "noch 1 Tag", "endet heute", "abgelaufen"; "" without deadline."""
    if deadline is None:
        return ""
    now = now or timezone.now()
    if deadline <= now:
        return _("Frist abgelaufen")
    days = days_left(deadline, now)
    if days <= 0:
        return _("Frist endet heute")
    return ngettext("noch %(days)s Tag", "noch %(days)s Tage", days) % {"days": days}
