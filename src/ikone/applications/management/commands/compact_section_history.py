"""Thin out old autosave versions of draft sections.

Run it once a day from cron or a systemd timer (docs/configuration.md); the
rule is in ikone.applications.services.history. Running it twice or while
people write does no harm.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ikone.applications.services.history import compact_section_history


class Command(BaseCommand):
    help = (
        "Verdichtet die Versionen der Abschnitte: alle der letzten 24 Stunden, "
        "dann eine je Stunde für eine Woche, danach eine je Tag; wiederhergestellte "
        "und eingereichte Fassungen bleiben immer. Täglich ausführen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = compact_section_history()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{result.deleted} Version(en) in {result.sections} Abschnitt(en) entfernt."
            )
