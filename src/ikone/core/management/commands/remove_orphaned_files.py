"""`ikone remove_orphaned_files`: list stored files that no record points
at; with `--delete`, remove them. A dry run by default."""

from datetime import timedelta
from typing import Any

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandParser

from ikone.core.datetimes import numeric
from ikone.core.files import orphaned_files


class Command(BaseCommand):
    help = (
        "List uploaded files no record refers to (dry run); --delete removes them. "
        "Files younger than --min-age-hours (default 1) are left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete", action="store_true", help="Remove the listed files.")
        parser.add_argument("--min-age-hours", type=float, default=1.0)

    def handle(self, *args: Any, **options: Any) -> None:
        storage = storages["default"]
        orphans = orphaned_files(
            storage=storage, min_age=timedelta(hours=options["min_age_hours"])
        )
        for orphan in orphans:
            self.stdout.write(f"{orphan.name}\t{orphan.size} B\t{numeric(orphan.modified)}")
        if not options["delete"]:
            self.stdout.write(
                f"{len(orphans)} orphaned file(s). Dry run: nothing removed (use --delete)."
            )
            return
        for orphan in orphans:
            storage.delete(orphan.name)
        self.stdout.write(self.style.SUCCESS(f"{len(orphans)} orphaned file(s) removed."))
