"""`ikone db_worker`: django-tasks-db's worker plus retries with backoff and
the recovery of tasks whose worker died (`ikone.core.tasks`).

Same name and options as the library's command (ikone.core comes first in
INSTALLED_APPS, so this one is found), so existing systemd units keep
working. The hook point between claiming a task and running it is the
library's `task_started` signal (tests kill a worker there).
"""

from __future__ import annotations

import logging
import os
import random
import time
from typing import Any

from django.db import close_old_connections
from django.db.utils import OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from ikone.core import tasks

logger = logging.getLogger("ikone.tasks")

# How often a worker looks for tasks whose worker died.
SWEEP_SECONDS = 30.0


class Worker(db_worker.Worker):
    _next_sweep = 0.0

    def sweep(self) -> None:
        """Requeue abandoned tasks, at most every SWEEP_SECONDS."""
        if time.monotonic() < self._next_sweep:
            return
        self._next_sweep = time.monotonic() + SWEEP_SECONDS
        found = tasks.requeue_abandoned()
        if found:
            logger.warning("requeued %d task(s) whose worker stopped", found)

    def claim_next(self) -> DBTaskResult | None:
        """Lock and claim the next ready task (as the library's loop does)."""
        ready = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            ready = ready.filter(queue_name__in=self.queue_names)
        with exclusive_transaction(ready.db):
            try:
                result = ready.get_locked()
            except OperationalError as error:
                if "is locked" not in error.args[0]:
                    raise
                return None  # SQLite busy: try again next round
            if result is not None:
                result.claim(self.worker_id)
        return result

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        if db_task_result.status != TaskResultStatus.FAILED:
            return
        attempt = tasks.attempts(db_task_result)
        if tasks.reschedule_after_failure(db_task_result):
            logger.warning(
                "task %s failed (attempt %d), retrying later", db_task_result.task_path, attempt
            )
        else:
            logger.error(
                "task %s failed for good after %d attempt(s)", db_task_result.task_path, attempt
            )

    def run(self) -> None:
        """The library's loop with a sweep for abandoned tasks each round."""
        logger.info("worker %s started, queues %s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers started together
        while self.running:
            self.sweep()
            result = self.claim_next()
            if result is not None:
                self.run_task(result)
            elif self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and result is None:
                time.sleep(self.interval)


class Command(db_worker.Command):
    help = (
        "Runs background tasks from the database queue, retrying failed ones with "
        "backoff and taking over tasks whose worker stopped (docs/operations.md)."
    )

    def handle(self, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        worker = Worker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if options["reload"] and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
