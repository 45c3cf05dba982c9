from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.core.periodic import PeriodicCommand
from ikone.notifications.tasks import send_daily_digests


class Command(PeriodicCommand):
    min_interval = dt.timedelta(hours=1)

    help = "Enqueue today's daily digests of notifications (run once a day, e.g. at 7:00)."

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        send_daily_digests.enqueue()
        self.stdout.write("Daily digests enqueued.")
