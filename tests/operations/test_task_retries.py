"""Failed background tasks are retried with backoff, end in a visible
FAILED state, tasks of a dead worker are taken over, and coordinators see
failed tasks and queue them again in the admin (issue 17, point 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from ikone.core import tasks
from ikone.core.management.commands.db_worker import Worker
from ikone.core.models import AuditEntry
from tests.accounts.fixtures import *  # noqa: F403 - the role fixtures
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db

TASKS_URL = "/admin/django_tasks_database/dbtaskresult/"


@task()
def mail_server_down() -> None:
    raise ConnectionRefusedError("Mailserver nicht erreichbar")


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_BASE_SECONDS = 30


def worker() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )


def run_once(result_id) -> DBTaskResult:
    """Claim the task as the worker loop does and run it."""
    row = DBTaskResult.objects.get(pk=result_id)
    row.claim("test-worker")
    worker().run_task(row)
    row.refresh_from_db()
    return row


def test_a_failing_task_is_retried_with_growing_backoff_then_marked_failed(database_queue):
    result = mail_server_down.enqueue()
    waits = []
    for _attempt in range(2):
        before = timezone.now()
        row = run_once(result.id)
        assert row.status == "READY"
        assert row.exception_class_path == "builtins.ConnectionRefusedError"
        waits.append(round((row.run_after - before).total_seconds()))
    assert waits == [30, 60]

    row = run_once(result.id)
    assert row.status == "FAILED"
    assert tasks.attempts(row) == 3
    assert "Mailserver nicht erreichbar" in row.traceback


def test_backoff_doubles_up_to_the_cap(settings):
    settings.TASK_RETRY_BASE_SECONDS = 30
    settings.TASK_RETRY_MAX_SECONDS = 3600
    delays = [tasks.retry_delay(n).total_seconds() for n in range(1, 10)]
    assert delays[:4] == [30, 60, 120, 240]
    assert max(delays) == 3600


def test_the_task_of_a_dead_worker_is_queued_again_and_failed_after_its_attempts(
    database_queue, settings
):
    settings.TASK_LEASE_SECONDS = 900
    result = mail_server_down.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("killed-worker")
    assert tasks.requeue_abandoned() == 0  # still within its lease: maybe alive

    later = timezone.now() + dt.timedelta(seconds=901)
    assert tasks.requeue_abandoned(now=later) == 1
    row.refresh_from_db()
    assert (row.status, row.run_after) == ("READY", later)

    for worker_id in ("killed-2", "killed-3"):
        row.claim(worker_id)
        tasks.requeue_abandoned(now=later + dt.timedelta(seconds=901))
        row.refresh_from_db()
    assert row.status == "FAILED"
    assert row.exception_class_path == tasks.WORKER_LOST


@pytest.fixture
def failed_task(database_queue):
    result = mail_server_down.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    for _attempt in range(3):
        row = run_once(result.id)
        DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    assert row.status == "FAILED"
    return row


def test_coordinators_see_failed_tasks_and_queue_them_again(coordinator, failed_task):
    client = Client()
    sign_in(client, coordinator)
    page = client.get(TASKS_URL, {"status__exact": "FAILED"})
    assert page.status_code == 200
    assert "mail_server_down" in page.content.decode()
    assert "ConnectionRefusedError" in page.content.decode()
    assert client.get(f"{TASKS_URL}{failed_task.pk}/change/").status_code == 200

    response = client.post(
        TASKS_URL, {"action": "retry", "_selected_action": [str(failed_task.pk)]}
    )
    assert response.status_code == 302
    failed_task.refresh_from_db()
    assert failed_task.status == "READY"
    assert tasks.attempts(failed_task) == 0
    assert AuditEntry.objects.filter(action="core.tasks.retried", actor=coordinator).exists()

    # Retried, it runs again with a fresh set of attempts.
    assert run_once(failed_task.pk).status == "READY"


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("staff_a", 302), ("contact_a", 302), ("mentor", 302), ("admin", 200)],
)
def test_only_coordinators_and_administrators_open_the_task_list(
    client_for, role, status, failed_task
):
    client = Client() if role == "anonymous" else client_for(role)
    assert client.get(TASKS_URL).status_code == status
    assert client.get(f"{TASKS_URL}{failed_task.pk}/change/").status_code == status


def test_nobody_edits_or_deletes_tasks_in_the_admin(admin, failed_task):
    client = Client()
    sign_in(client, admin)
    assert client.get(f"{TASKS_URL}{failed_task.pk}/delete/").status_code == 403
    assert client.get(f"{TASKS_URL}add/").status_code == 403
