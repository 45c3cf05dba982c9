"""Separate processes for tests/operations/test_background_tasks.py: a real
`ikone db_worker` that can be stopped at a chosen point, and a periodic
command started at an agreed moment.

    python -m tests.operations.task_processes worker
    python -m tests.operations.task_processes periodic COMMAND

Environment: DATABASE_URL (shared with the test), MAIL_DIR (mails are
written there as files, so the test counts what really went out), and
    PAUSE_AFTER_CLAIM=FILE  the worker writes FILE once it has claimed a task
                            and before the task runs, then waits to be killed;
    HANG_IN_SMTP=FILE       the mail server "accepts the connection" (FILE is
                            written) and never answers: killed while sending;
    START_AT=EPOCH          the periodic command starts at this moment;
    HOLD_SECONDS=S          ... and keeps its lease S seconds longer, so two
                            processes surely overlap.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

WAIT_TO_BE_KILLED = 600


class HangingBackend(BaseEmailBackend):
    """A mail server that takes the connection and never answers."""

    def send_messages(self, email_messages: Any) -> int:
        Path(os.environ["HANG_IN_SMTP"]).write_text("sending")
        time.sleep(WAIT_TO_BE_KILLED)
        return 0


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")
    from django.conf import settings

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if os.environ.get("HANG_IN_SMTP"):
        settings.EMAIL_BACKEND = "tests.operations.task_processes.HangingBackend"
    else:
        settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
        settings.EMAIL_FILE_PATH = os.environ["MAIL_DIR"]

    import django

    django.setup()


def _pause_after_claim(marker: str) -> None:
    from django_tasks.signals import task_started

    def stop_here(sender: Any, task_result: Any, **kwargs: Any) -> None:
        Path(marker).write_text(str(task_result.id))
        time.sleep(WAIT_TO_BE_KILLED)

    task_started.connect(stop_here, weak=False)


def _hold_the_lease(seconds: float) -> None:
    from ikone.core import periodic

    release = periodic.release

    def release_later(name: str, holder: str) -> None:
        time.sleep(seconds)
        release(name, holder)

    periodic.release = release_later  # type: ignore[assignment]


def main(argv: list[str]) -> None:
    _setup()
    from django.core.management import call_command

    if argv[1] == "worker":
        if os.environ.get("PAUSE_AFTER_CLAIM"):
            _pause_after_claim(os.environ["PAUSE_AFTER_CLAIM"])
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    elif argv[1] == "periodic":
        _hold_the_lease(float(os.environ.get("HOLD_SECONDS", "0")))
        start_at = float(os.environ.get("START_AT", "0"))
        time.sleep(max(0.0, start_at - time.time()))
        call_command(argv[2])


if __name__ == "__main__":
    main(sys.argv)
