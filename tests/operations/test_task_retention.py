"""Finished rows of the background task queue are forgotten: succeeded
tasks after their period (30 days by default), failed ones much later (180
days) so coordinators can still see and retry them; tasks still to do are
never touched. Runs as rules of the daily `ikone apply_retention`, which
holds a lease like every periodic command (docs/operations.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.management.commands.db_worker import Worker
from ikone.core.models import CommandLease
from ikone.network import services
from ikone.network.models import RetentionRun
from tests.accounts.fixtures import *  # noqa: F403 - the role fixtures

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def row(status: str, *, finished_days_ago: float | None, enqueued_days_ago: float) -> str:
    result = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="ikone.core.mail.deliver",
        backend_name="default",
        run_after=ago(enqueued_days_ago),
        finished_at=None if finished_days_ago is None else ago(finished_days_ago),
    )
    # enqueued_at is auto_now_add: set it afterwards.
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=ago(enqueued_days_ago))
    return str(result.pk)


def remaining() -> set[str]:
    return {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}


def test_succeeded_go_after_30_days_failed_after_180_and_open_work_stays():
    succeeded_old = row("SUCCESSFUL", finished_days_ago=31, enqueued_days_ago=31)
    succeeded_new = row("SUCCESSFUL", finished_days_ago=29, enqueued_days_ago=29)
    # Enqueued long ago but finished recently (retried for a while): the
    # period runs from the end.
    succeeded_late = row("SUCCESSFUL", finished_days_ago=2, enqueued_days_ago=90)
    failed_month = row("FAILED", finished_days_ago=31, enqueued_days_ago=31)
    failed_new = row("FAILED", finished_days_ago=179, enqueued_days_ago=179)
    failed_old = row("FAILED", finished_days_ago=181, enqueued_days_ago=181)
    waiting = row("READY", finished_days_ago=None, enqueued_days_ago=400)
    running = row("RUNNING", finished_days_ago=None, enqueued_days_ago=400)

    counts = services.retention_apply(now=NOW)

    assert counts["core.tasks_succeeded"] == 1
    assert counts["core.tasks_failed"] == 1
    assert remaining() == {
        succeeded_new,
        succeeded_late,
        failed_month,
        failed_new,
        waiting,
        running,
    }
    assert succeeded_old not in remaining() and failed_old not in remaining()
    assert {run.rule: run.count for run in RetentionRun.objects.all()}["core.tasks_failed"] == 1
    again = services.retention_apply(now=NOW)
    assert again["core.tasks_succeeded"] == again["core.tasks_failed"] == 0


def test_a_finished_row_without_an_end_time_falls_back_to_when_it_was_enqueued():
    old = row("SUCCESSFUL", finished_days_ago=None, enqueued_days_ago=31)
    new = row("SUCCESSFUL", finished_days_ago=None, enqueued_days_ago=29)
    services.retention_apply(now=NOW)
    assert remaining() == {new}
    assert old not in remaining()


@task()
def works() -> int:
    return 1


@task()
def breaks() -> None:
    raise ConnectionRefusedError("Mailserver nicht erreichbar")


def test_rows_the_worker_finished_are_purged_by_their_status(settings):
    """The real worker's rows (status and finished_at as the library writes
    them), not only hand-made ones."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 1
    good, bad = works.enqueue(), breaks.enqueue()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    for result in (good, bad):
        # Claimed as the worker loop does (its exclusive transaction cannot
        # start inside the test's transaction on SQLite).
        claimed = DBTaskResult.objects.get(pk=result.id)
        claimed.claim("test-worker")
        worker.run_task(claimed)
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("pk", "status")}
    assert statuses == {good.id: "SUCCESSFUL", bad.id: "FAILED"}

    services.retention_apply(now=timezone.now() + dt.timedelta(days=31))
    assert remaining() == {bad.id}
    services.retention_apply(now=timezone.now() + dt.timedelta(days=181))
    assert remaining() == set()


def test_coordinators_set_the_periods_and_the_leased_command_applies_them(coordinator):
    services.retention_periods_set(
        actor=Actor(user=coordinator), days={"core.tasks_succeeded": 7, "core.tasks_failed": 60}
    )
    gone = row("SUCCESSFUL", finished_days_ago=8, enqueued_days_ago=8)
    kept = row("SUCCESSFUL", finished_days_ago=6, enqueued_days_ago=6)
    failed_gone = row("FAILED", finished_days_ago=61, enqueued_days_ago=61)
    failed_kept = row("FAILED", finished_days_ago=59, enqueued_days_ago=59)

    call_command("apply_retention")

    assert remaining() == {kept, failed_kept}
    assert gone not in remaining() and failed_gone not in remaining()
    assert CommandLease.objects.filter(name="apply_retention").exists()

    # Failed tasks must stay visible for a while: no period under 30 days.
    with pytest.raises(DomainError):
        services.retention_periods_set(
            actor=Actor(user=coordinator), days={"core.tasks_failed": 10}
        )
