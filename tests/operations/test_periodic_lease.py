"""The lease of periodic commands (`core.periodic`): one holder at a time,
a crashed holder's lease expires, a second machine right after the first
does nothing unless forced. The two-process test is in
test_background_tasks.py."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ikone.core import periodic
from ikone.core.models import CommandLease

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


def test_only_one_holder_at_a_time_and_the_lease_frees_on_release():
    first = periodic.acquire("job", lease=HOUR)
    assert first is not None
    assert periodic.acquire("job", lease=HOUR) is None
    periodic.release("job", first)
    assert periodic.acquire("job", lease=HOUR) is not None


def test_a_crashed_holders_lease_is_taken_over_when_it_expires():
    assert periodic.acquire("job", lease=HOUR, holder="dead-machine")
    CommandLease.objects.filter(name="job").update(expires_at=timezone.now())
    assert periodic.acquire("job", lease=HOUR, holder="other-machine") == "other-machine"


def test_a_run_right_after_the_last_one_is_skipped_unless_forced():
    holder = periodic.acquire("job", lease=HOUR)
    periodic.release("job", holder)
    assert periodic.acquire("job", lease=HOUR, min_interval=HOUR) is None
    assert periodic.acquire("job", lease=HOUR) is not None


def test_the_command_says_why_it_did_nothing_and_runs_with_force():
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "core.audit_log" in out.getvalue()
    again = StringIO()
    call_command("apply_retention", stdout=again)
    assert "zuletzt" in again.getvalue()
    assert "--force" in again.getvalue()
    forced = StringIO()
    call_command("apply_retention", "--force", stdout=forced)
    assert "core.audit_log" in forced.getvalue()


def test_a_dry_run_takes_no_lease():
    call_command("purge_deleted_drafts", "--dry-run", stdout=StringIO())
    assert not CommandLease.objects.filter(name="purge_deleted_drafts").exists()


@pytest.mark.parametrize(
    "command",
    [
        "send_event_reminders",
        "send_deadline_reminders",
        "send_notification_digests",
        "apply_retention",
        "rebuild_search_index",
        "compact_section_history",
        "purge_deleted_drafts",
        "fetch_support_replies",
    ],
)
def test_every_periodic_command_takes_the_lease(command):
    from django.core.management import get_commands, load_command_class

    assert isinstance(
        load_command_class(get_commands()[command], command), periodic.PeriodicCommand
    )
