from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ikone.applications.deadline_reminders import enqueue_due_deadline_reminders


class Command(BaseCommand):
    help = (
        "Enqueue the deadline reminders due today (four weeks, one week, one day "
        "before a call's deadline, for drafts that are not ready); run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deadline reminders enqueued: {enqueue_due_deadline_reminders()}")
