"""Milestones against the deadline (ikone.applications.schedule)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ikone.applications.schedule import CLOSE_DAYS, Level, Point, assess, assess_all, late

# No time limit per example: the test machine may be busy; speed is bench/'s job.
relaxed = settings(deadline=None)
DEADLINE = date(2026, 12, 15)
TODAY = date(2026, 11, 30)
dates = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@relaxed
@given(day=dates, done=st.booleans())
def test_late_exactly_when_open_and_after_the_deadline(day, done):
    finding = assess(Point(1, "x", day, done), deadline=DEADLINE, today=TODAY)
    assert finding.blocking == (not done and day > DEADLINE)
    assert finding.days_before_deadline == (DEADLINE - day).days


@relaxed
@given(points=st.lists(st.builds(Point, st.integers(), st.text(max_size=5), dates), max_size=10))
def test_findings_are_in_date_order_and_keep_every_milestone(points):
    findings = assess_all(points, deadline=DEADLINE, today=TODAY)
    assert len(findings) == len(points)
    assert [f.point.date for f in findings] == sorted(p.date for p in points)


def test_levels():
    def level(days_before, done=False, today=TODAY):
        point = Point(1, "Ratsbeschluss", DEADLINE - timedelta(days=days_before), done)
        return assess(point, deadline=DEADLINE, today=today)

    assert level(-1).level == Level.LATE
    assert level(-1).message == "1 Tag nach der Einreichungsfrist"
    assert level(-3).message == "3 Tage nach der Einreichungsfrist"
    assert level(0).level == Level.CLOSE
    assert level(0).message == "am Tag der Einreichungsfrist"
    assert level(CLOSE_DAYS).level == Level.CLOSE
    assert level(2).message == "nur 2 Tage vor der Einreichungsfrist"
    assert level(CLOSE_DAYS + 1).level == Level.OK
    assert level(-5, done=True).level == Level.DONE
    assert level(30).level == Level.OVERDUE
    assert "überfällig seit" in level(30).message


def test_without_deadline_nothing_is_late():
    point = Point(1, "Partnerschreiben", date(2030, 1, 1))
    assert assess(point, deadline=None, today=TODAY).level == Level.OK
    assert late(assess_all([point], deadline=None, today=TODAY)) == []
