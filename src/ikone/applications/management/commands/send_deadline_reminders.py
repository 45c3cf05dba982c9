from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.applications.deadline_reminders import enqueue_due_deadline_reminders
from ikone.core.periodic import PeriodicCommand


class Command(PeriodicCommand):
    min_interval = dt.timedelta(hours=1)

    help = (
        "Enqueue the deadline reminders due today (four weeks, one week, one day "
        "before a call's deadline, for drafts that are not ready); run daily."
    )

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deadline reminders enqueued: {enqueue_due_deadline_reminders()}")
