"""The readiness check counts Berlin calendar days (issue 19).

The deadline is 23:59 Berlin time, stored as 22:59 UTC in winter and 21:59
UTC in summer. At 00:30 Berlin time it is still the day before in UTC, so a
count on UTC dates says "noch 1 Tag" on the deadline's own day and misses an
overdue milestone; at 00:30 after the deadline's day it would still call
the deadline open. The clock is the project's usual one: `timezone.now`
patched (as in tests/calls/test_demo.py), the check itself called without
`today`, as the page calls it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.applications import selectors_plan
from ikone.applications.models import MilestoneKind
from ikone.applications.readiness import readiness_for
from ikone.applications.services import schedule as schedule_services
from ikone.core.audit import Actor
from ikone.core.datetimes import BERLIN
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

WINTER_DAY = date(2027, 1, 14)  # 23:59 Berlin = 22:59 UTC
SUMMER_DAY = date(2027, 6, 30)  # 23:59 Berlin = 21:59 UTC


def berlin(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def clock(monkeypatch):
    """Set the platform's clock to a Berlin wall-clock time."""

    def set_to(moment: datetime) -> datetime:
        monkeypatch.setattr(timezone, "now", lambda: moment.astimezone(UTC))
        return moment

    return set_to


def with_deadline(draft, day: date):
    draft.call.deadline = berlin(day, 23, 59)
    draft.call.save(update_fields=["deadline"])
    return draft


@pytest.mark.parametrize("day", [WINTER_DAY, SUMMER_DAY], ids=["winter", "summer"])
@pytest.mark.parametrize("hour, minute", [(0, 30), (23, 30)], ids=["00:30", "23:30"])
def test_the_deadline_day_counts_as_today_until_23_59_berlin(draft, clock, day, hour, minute):
    moment = clock(berlin(day, hour, minute))
    if (hour, minute) == (0, 30):
        assert moment.astimezone(UTC).date() == day - timedelta(days=1)
    check = readiness_for(with_deadline(draft, day))
    assert check.days_left == 0
    assert not check.deadline_passed
    assert check.context.today == day


@pytest.mark.parametrize("day", [WINTER_DAY, SUMMER_DAY], ids=["winter", "summer"])
def test_the_deadline_has_passed_at_00_30_berlin_the_day_after(draft, clock, day):
    moment = clock(berlin(day + timedelta(days=1), 0, 30))
    assert moment.astimezone(UTC).date() == day  # UTC still says: deadline day
    check = readiness_for(with_deadline(draft, day))
    assert check.days_left == -1
    assert check.deadline_passed
    assert not check.ready


def test_the_deadline_passes_at_its_instant_not_at_midnight(draft, clock):
    with_deadline(draft, WINTER_DAY)
    clock(berlin(WINTER_DAY, 23, 58))
    assert not readiness_for(draft).deadline_passed
    clock(berlin(WINTER_DAY, 23, 59))
    assert readiness_for(draft).deadline_passed


def test_the_day_before_at_00_30_berlin_says_one_day(draft, clock):
    clock(berlin(WINTER_DAY - timedelta(days=1), 0, 30))
    assert readiness_for(with_deadline(draft, WINTER_DAY)).days_left == 1


def _milestone(draft, user, day: date):
    return schedule_services.milestone_create(
        draft=draft,
        actor=Actor(user=user),
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=day,
        done=False,
    )


def test_a_milestone_is_overdue_from_00_30_berlin_the_next_day(client, draft, staff_member, clock):
    """A milestone of 3 January is "überfällig" from Berlin's 4 January on,
    though UTC is still on 3 January at 00:30 Berlin time."""
    with_deadline(draft, WINTER_DAY)
    _milestone(draft, staff_member, date(2027, 1, 3))
    url = reverse("applications:schedule", kwargs={"pk": draft.pk})

    clock(berlin(date(2027, 1, 3), 23, 30))
    sign_in(client, staff_member)  # after setting the clock: sessions expire
    (finding,) = selectors_plan.schedule_overview(draft=draft).findings
    assert finding.level == "ok"
    assert "überfällig" not in client.get(url).content.decode()

    clock(berlin(date(2027, 1, 4), 0, 30))
    sign_in(client, staff_member)
    (finding,) = selectors_plan.schedule_overview(draft=draft).findings
    assert finding.level == "overdue"
    assert finding.message == "überfällig seit 03.01.2027"
    assert readiness_for(draft).context.today == date(2027, 1, 4)
    assert "überfällig seit 03.01.2027" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "hour, minute, text",
    [
        (0, 30, "Die Einreichungsfrist endet heute um 23:59 Uhr."),
        (23, 30, "Die Einreichungsfrist endet heute um 23:59 Uhr."),
    ],
)
def test_the_readiness_page_says_today_on_the_deadline_day(
    client, draft, staff_member, clock, hour, minute, text
):
    with_deadline(draft, SUMMER_DAY)
    clock(berlin(SUMMER_DAY, hour, minute))
    sign_in(client, staff_member)
    page = client.get(reverse("applications:readiness", kwargs={"pk": draft.pk}))
    html = page.content.decode()
    assert text in html
    assert "Noch 1 Tag" not in html
    assert "21:59" not in html


def test_the_readiness_page_says_passed_at_00_30_the_day_after(client, draft, staff_member, clock):
    with_deadline(draft, SUMMER_DAY)
    clock(berlin(SUMMER_DAY + timedelta(days=1), 0, 30))
    sign_in(client, staff_member)
    page = client.get(reverse("applications:readiness", kwargs={"pk": draft.pk}))
    assert "Die Einreichungsfrist ist am 30. Juni 2027 abgelaufen." in page.content.decode()
