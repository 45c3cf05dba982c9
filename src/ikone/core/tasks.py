"""Background tasks that survive failure (database queue of django-tasks-db).

The worker (`ikone db_worker`, our subclass in core/management/commands)
adds what the library leaves out:

- **Retry with backoff.** A task that raises is put back in the queue with
  `run_after` = now + 30 s, 1 min, 2 min, … (doubling, at most
  `TASK_RETRY_MAX_SECONDS`) until it has been tried `TASK_MAX_ATTEMPTS`
  times; then it stays FAILED, with the last error, for coordinators to see
  and retry in the admin ("Hintergrundaufgaben").
- **Crashed workers.** A task RUNNING for longer than `TASK_LEASE_SECONDS`
  lost its worker (killed, machine gone: a live worker finishes well within
  it); any worker queues it again at once, as a failed attempt.

The attempts are the worker ids the library appends on every claim.
Re-running a task must be harmless: mails are sent at most once per
idempotency key (`core.mail`), reminders claim their row first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

WORKER_LOST = "ikone.core.tasks.WorkerLost"


class WorkerLost(Exception):  # noqa: N818 - shown as the task's error class
    """The worker stopped (killed, machine lost) while running the task."""


def max_attempts() -> int:
    return int(getattr(settings, "TASK_MAX_ATTEMPTS", 5))


def attempts(result: DBTaskResult) -> int:
    """How often the task was claimed by a worker so far."""
    return len(result.worker_ids or [])


def retry_delay(attempt: int) -> dt.timedelta:
    """The wait after the `attempt`-th failed attempt: base, 2×base, 4×base, …"""
    base = float(getattr(settings, "TASK_RETRY_BASE_SECONDS", 30))
    cap = float(getattr(settings, "TASK_RETRY_MAX_SECONDS", 3600))
    return dt.timedelta(seconds=min(cap, base * 2 ** max(0, attempt - 1)))


def lease() -> dt.timedelta:
    return dt.timedelta(seconds=float(getattr(settings, "TASK_LEASE_SECONDS", 900)))


def reschedule_after_failure(
    result: DBTaskResult, *, now: dt.datetime | None = None, delay: dt.timedelta | None = None
) -> bool:
    """Put a failed attempt back in the queue after `delay` (default: the
    backoff for its attempt), unless it used up its attempts (then it stays
    FAILED). True if rescheduled."""
    if attempts(result) >= max_attempts():
        return False
    now = now or timezone.now()
    updated = DBTaskResult.objects.filter(
        pk=result.pk, status__in=[TaskResultStatus.FAILED, TaskResultStatus.RUNNING]
    ).update(
        status=TaskResultStatus.READY,
        run_after=now + (retry_delay(attempts(result)) if delay is None else delay),
        finished_at=None,
    )
    return bool(updated)


def requeue_abandoned(*, now: dt.datetime | None = None) -> int:
    """Tasks whose worker died: RUNNING for longer than the lease. Each
    counts as a failed attempt: queued again at once (the lease was the
    wait; the task itself did not fail) or, out of attempts, marked FAILED.
    Returns how many were found."""
    now = now or timezone.now()
    abandoned = list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - lease()
        ).only("pk", "worker_ids")
    )
    for result in abandoned:
        if not reschedule_after_failure(result, now=now, delay=dt.timedelta(0)):
            DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=str(WorkerLost.__doc__),
            )
    return len(abandoned)


def retry_failed(queryset: QuerySet[Any]) -> int:
    """Queue failed tasks again now, with a fresh set of attempts (the
    admin action); returns how many."""
    return queryset.filter(status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now(),
        finished_at=None,
        worker_ids=[],
    )
