"""`ikone backup DIR`: the database and the uploaded files with a manifest
(docs/operations.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ikone.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sichert Datenbank und hochgeladene Dateien in einen neuen, leeren Ordner."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="Zielordner (neu oder leer).")

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["directory"])
        try:
            manifest = backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Gesichert nach {target}: {len(manifest['tables'])} Tabellen mit {rows} Zeilen "
            f"({manifest['database']['vendor']}), {len(manifest['files'])} Dateien."
        )
