"""Background work survives failure (issue 17, point 4), with real worker
processes on a database the test shares with them:

- a worker killed (SIGKILL) between claiming a task and sending its mail
  leaves nothing half-sent: another worker takes the task over and the mail
  goes out exactly once;
- a worker killed while the mail server has the message sends nothing twice
  (at most once: the key was recorded before sending);
- two machines starting the same periodic command at the same moment do its
  work once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ikone.core import logs, mail
from ikone.core.models import OutgoingMail
from tests.accounts.factories import InvitationFactory

pytestmark = pytest.mark.django_db(transaction=True)

REPOSITORY = Path(__file__).resolve().parents[2]
KIND = "accounts.invitation"
TIMEOUT = 120


class SharedDatabase:
    """The test's database, reachable from other processes: PostgreSQL's
    test database as it is; SQLite's in-memory test database copied to a
    file once the test has arranged its data (`publish`)."""

    def __init__(self, folder: Path) -> None:
        self.sqlite_file = folder / "shared.sqlite3" if connection.vendor == "sqlite" else None
        self.mail_dir = folder / "mails"
        self.mail_dir.mkdir()

    def publish(self) -> None:
        if self.sqlite_file is not None:
            connection.ensure_connection()
            target = sqlite3.connect(self.sqlite_file)
            connection.connection.backup(target)
            target.close()

    def url(self) -> str:
        if self.sqlite_file is not None:
            return f"sqlite:///{self.sqlite_file}"
        db = connection.settings_dict
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        return (
            f"postgres://{db['USER'] or 'postgres'}{password}@{db['HOST'] or '127.0.0.1'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        )

    def rows(self, sql: str) -> list[tuple]:
        if self.sqlite_file is not None:
            with sqlite3.connect(self.sqlite_file) as database:
                return database.execute(sql).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def task(self, task_id: uuid.UUID) -> tuple:
        table = DBTaskResult._meta.db_table
        [row] = self.rows(
            f"SELECT status, worker_ids FROM {table} WHERE id = '{task_id.hex}'"  # noqa: S608
        )
        return row

    def sent_mails(self) -> list[str]:
        """Message-IDs of every message the workers handed to the mail server."""
        return [
            line
            for path in self.mail_dir.iterdir()
            for line in path.read_text().splitlines()
            if line.startswith("Message-ID:")
        ]

    def start(self, *args: str, **extra_env: str) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": self.url(),
            "DEBUG": "false",
            "SECRET_KEY": "background-task-test",
            "IKONE_DATA_DIR": str(self.mail_dir.parent),
            "MAIL_DIR": str(self.mail_dir),
            "TASK_LEASE_SECONDS": "1",
            **extra_env,
        }
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.operations.task_processes", *args],
            cwd=REPOSITORY,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


@pytest.fixture
def shared(tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return SharedDatabase(tmp_path)


def wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path.name} not reached"
        time.sleep(0.1)


def finish(process: subprocess.Popen) -> str:
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, stderr
    return stdout


def enqueue_invitation_mail() -> uuid.UUID:
    invitation = InvitationFactory(email="neu@example.org")
    DBTaskResult.objects.all().delete()  # what creating the invitation queued
    result = logs.enqueue(mail.deliver, KIND, invitation.pk, idempotency_key=uuid.uuid4().hex)
    return uuid.UUID(str(result.id))


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=TIMEOUT)


def test_a_worker_killed_between_claim_and_send_leaves_the_mail_to_be_sent_once(shared, tmp_path):
    task_id = enqueue_invitation_mail()
    shared.publish()
    claimed = tmp_path / "claimed"
    first = shared.start("worker", PAUSE_AFTER_CLAIM=str(claimed))
    wait_for(claimed, first)
    kill(first)
    assert shared.task(task_id)[0] == "RUNNING"
    assert shared.sent_mails() == []

    time.sleep(1.1)  # the lease of the killed worker's claim runs out (1 s here)
    finish(shared.start("worker"))

    status, worker_ids = shared.task(task_id)
    assert status == "SUCCESSFUL"
    assert len(worker_ids if isinstance(worker_ids, list) else json.loads(worker_ids)) == 2
    assert len(shared.sent_mails()) == 1


def test_a_worker_killed_while_sending_never_sends_the_mail_twice(shared, tmp_path):
    task_id = enqueue_invitation_mail()
    shared.publish()
    in_smtp = tmp_path / "in-smtp"
    first = shared.start("worker", HANG_IN_SMTP=str(in_smtp))
    wait_for(in_smtp, first)
    kill(first)

    time.sleep(1.1)
    finish(shared.start("worker"))

    assert shared.task(task_id)[0] == "SUCCESSFUL"
    # The mail server may or may not have taken the first attempt; the
    # second worker found its key and did not send again.
    assert shared.sent_mails() == []
    assert shared.rows(f"SELECT state FROM {OutgoingMail._meta.db_table}") == [("sending",)]  # noqa: S608


def test_two_machines_starting_the_same_periodic_command_do_the_work_once(shared):
    from tests.events.factories import EventFactory, RegistrationFactory

    now = timezone.now()
    event = EventFactory(
        starts_at=now + dt.timedelta(minutes=30),
        ends_at=now + dt.timedelta(hours=2),
    )
    RegistrationFactory(event=event)
    DBTaskResult.objects.all().delete()  # the registration's confirmation mail
    shared.publish()
    start_at = str(time.time() + 8)  # both processes are set up by then
    machines = [
        shared.start("periodic", "send_event_reminders", START_AT=start_at, HOLD_SECONDS="3")
        for _machine in range(2)
    ]
    outputs = sorted(finish(process) for process in machines)

    assert "1 Erinnerung(en) eingeplant." in outputs[0]
    assert "läuft bereits" in outputs[1]
    table = DBTaskResult._meta.db_table
    assert shared.rows(f"SELECT task_path FROM {table}") == [  # noqa: S608
        ("ikone.events.tasks.send_reminder",)
    ]
