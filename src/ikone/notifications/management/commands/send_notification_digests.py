from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ikone.notifications.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Enqueue today's daily digests of notifications (run once a day, e.g. at 7:00)."

    def handle(self, *args: Any, **options: Any) -> None:
        send_daily_digests.enqueue()
        self.stdout.write("Daily digests enqueued.")
