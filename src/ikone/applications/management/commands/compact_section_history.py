"""Thin out old autosave versions of draft sections.

Run it once a day from cron or a systemd timer (docs/configuration.md); the
rule is in ikone.applications.services.history. Running it twice or while
people write does no harm.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.applications.services.history import compact_section_history
from ikone.core.periodic import PeriodicCommand


class Command(PeriodicCommand):
    min_interval = dt.timedelta(hours=1)

    help = (
        "Verdichtet die Versionen der Abschnitte: alle der letzten 24 Stunden, "
        "dann eine je Stunde für eine Woche, danach eine je Tag; wiederhergestellte "
        "und eingereichte Fassungen bleiben immer. Täglich ausführen."
    )

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        result = compact_section_history()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{result.deleted} Version(en) in {result.sections} Abschnitt(en) entfernt."
            )
