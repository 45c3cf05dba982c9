from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.core.periodic import PeriodicCommand
from ikone.network.services import retention_apply


class Command(PeriodicCommand):
    min_interval = dt.timedelta(hours=1)

    help = (
        "Delete or anonymise what the retention periods no longer allow to keep "
        "(run once a day); prints the count per data category."
    )

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        for rule, count in retention_apply().items():
            self.stdout.write(f"{rule}: {count}")
