"""Enqueue the reminders that are due (one day and one hour before events).

Run it every few minutes from cron or a systemd timer (see docs/events.md);
each reminder is claimed once, so overlapping runs send nothing twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.core.periodic import PeriodicCommand
from ikone.events.tasks import enqueue_due_reminders


class Command(PeriodicCommand):
    min_interval = dt.timedelta(minutes=1)

    help = (
        "Stellt fällige Erinnerungen an Veranstaltungen (einen Tag und eine Stunde "
        "vorher) in die Aufgabenwarteschlange. Alle 5–10 Minuten ausführen."
    )

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        count = enqueue_due_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} Erinnerung(en) eingeplant.")
