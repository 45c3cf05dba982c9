"""`ikone rebuild_peers`: recompute the similar municipalities (after an import)."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from ikone.solutions.peers import rebuild


class Command(BaseCommand):
    help = "Berechnet für jede Gemeinde die fünf ähnlichsten Kommunen neu."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        written = rebuild()
        self.stdout.write(
            f"Ähnliche Kommunen: {written} Einträge in {time.monotonic() - started:.1f} s."
        )
