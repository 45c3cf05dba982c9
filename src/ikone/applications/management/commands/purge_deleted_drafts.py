"""Delete for good the drafts that have been in the trash for longer than
30 days (with their sections, history and uploaded files).

Run it once a day from cron or a systemd timer (docs/applications.md);
`--dry-run` only lists what would go.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import CommandParser

from ikone.applications.models.drafts import TRASH_DAYS
from ikone.applications.services.lifecycle import draft_purge_trash
from ikone.core.periodic import PeriodicCommand


class Command(PeriodicCommand):
    min_interval = dt.timedelta(hours=1)

    help = (
        f"Löscht Bewerbungsentwürfe endgültig, die seit mehr als {TRASH_DAYS} Tagen im "
        "Papierkorb liegen. Täglich ausführen; --dry-run zeigt sie nur an."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts löschen.")

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        ids = draft_purge_trash(dry_run=options["dry_run"])
        if options["verbosity"] > 0:
            verb = "würden gelöscht" if options["dry_run"] else "endgültig gelöscht"
            listed = ", ".join(str(pk) for pk in ids) or "–"
            self.stdout.write(f"{len(ids)} Entwurf/Entwürfe {verb}: {listed}")
