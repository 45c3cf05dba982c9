"""The schedule's rules: milestones against the call's deadline.

Pure functions on dates, no database, so the readiness check, the pages and
the export read the same findings.

- A milestone after the deadline is late (blocking: "Meilenstein nach der
  Frist"); a council resolution or partner letter that arrives afterwards is
  of no use for the application.
- An open milestone within `CLOSE_DAYS` days before the deadline is a
  warning: there is no slack left if it slips.
- An open milestone whose date has passed is overdue (a hint).
- Done milestones never warn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.core.datetimes import format_date

CLOSE_DAYS = 7


class Level:
    LATE = "late"
    CLOSE = "close"
    OVERDUE = "overdue"
    OK = "ok"
    DONE = "done"


@dataclass(frozen=True)
class Point:
    """A milestone as the rules need it."""

    key: int | str
    title: str
    date: date
    done: bool = False


@dataclass(frozen=True)
class Finding:
    point: Point
    level: str
    days_before_deadline: int | None
    message: str

    @property
    def blocking(self) -> bool:
        return self.level == Level.LATE

    @property
    def warns(self) -> bool:
        return self.level in (Level.LATE, Level.CLOSE, Level.OVERDUE)


def assess(
    point: Point, *, deadline: date | None, today: date, close_days: int = CLOSE_DAYS
) -> Finding:
    """One milestone's level and a German sentence saying why."""
    before = (deadline - point.date).days if deadline is not None else None
    if point.done:
        return Finding(point, Level.DONE, before, _("erledigt"))
    if before is not None and before < 0:
        message = ngettext(
            "%(count)d Tag nach der Einreichungsfrist",
            "%(count)d Tage nach der Einreichungsfrist",
            -before,
        ) % {"count": -before}
        return Finding(point, Level.LATE, before, message)
    if before is not None and before <= close_days:
        if before == 0:
            message = _("am Tag der Einreichungsfrist")
        else:
            message = ngettext(
                "nur %(count)d Tag vor der Einreichungsfrist",
                "nur %(count)d Tage vor der Einreichungsfrist",
                before,
            ) % {"count": before}
        return Finding(point, Level.CLOSE, before, message)
    if point.date < today:
        return Finding(
            point,
            Level.OVERDUE,
            before,
            _("überfällig seit %(date)s") % {"date": format_date(point.date, "short")},
        )
    return Finding(point, Level.OK, before, "")


def assess_all(
    points: Iterable[Point], *, deadline: date | None, today: date, close_days: int = CLOSE_DAYS
) -> list[Finding]:
    """Findings for all milestones, in date order (title breaks ties)."""
    ordered = sorted(points, key=lambda point: (point.date, point.title, str(point.key)))
    return [
        assess(point, deadline=deadline, today=today, close_days=close_days) for point in ordered
    ]


def late(findings: Iterable[Finding]) -> list[Finding]:
    """The milestones after the deadline (the readiness check's blocking item)."""
    return [finding for finding in findings if finding.blocking]
