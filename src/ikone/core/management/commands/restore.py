"""`ikone restore DIR [--force]`: a backup of `ikone backup` into an empty
database and data folder, checked against its manifest (docs/operations.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ikone.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Stellt eine Sicherung in eine leere Datenbank und einen leeren Dateiordner wieder her."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="Ordner einer Sicherung von `ikone backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch in eine nicht leere Datenbank wiederherstellen (überschreibt alles).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(Path(options["directory"]), force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wiederhergestellt und geprüft: {report.tables} Tabellen mit {report.rows} "
            f"Zeilen, {report.files} Dateien."
        )
