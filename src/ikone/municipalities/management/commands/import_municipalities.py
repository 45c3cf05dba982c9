"""`ikone import_municipalities [--file PATH]`: load the Gemeindeverzeichnis."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ikone.municipalities.importer import ImportFileError
from ikone.municipalities.kinds import LEVEL_LABELS, LEVEL_SLUGS
from ikone.municipalities.models import Level
from ikone.municipalities.services import ImportResult, municipalities_import

_LEVEL_NAMES = {level: LEVEL_LABELS[slug] for slug, level in LEVEL_SLUGS.items()}


class TerminalProgress:
    """One self-overwriting line per level, for people watching a terminal."""

    def __init__(self, stdout: OutputWrapper) -> None:
        self.stdout = stdout

    def __call__(self, level: Level, done: int, total: int) -> None:
        ending = "\n" if done >= total else ""
        self.stdout.write(f"\r{_LEVEL_NAMES[level]}: {done}/{total}", ending=ending)
        self.stdout.flush()


class Command(BaseCommand):
    help = (
        "Importiert das Gemeindeverzeichnis (Länder, Kreise, Gemeindeverbände, Gemeinden). "
        "Ohne --file die mitgelieferten Dateien; mit --file ein Verzeichnis mit den vier "
        "Dateien oder eine einzelne Datei im Format von municipalities.csv."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file",
            help=(
                "Verzeichnis mit states.csv, districts.csv, municipal_associations.csv und "
                "municipalities.csv, oder eine einzelne Datei im Format von municipalities.csv"
            ),
        )

    def handle(self, *args: Any, file: str | Path | None = None, **options: Any) -> None:
        progress = TerminalProgress(self.stdout) if self.stdout.isatty() else None
        try:
            result = municipalities_import(path=Path(file) if file else None, progress=progress)
        except ImportFileError as error:
            raise CommandError(error.message) from error
        for line in summary_lines(result):
            self.stdout.write(line)


def summary_lines(result: ImportResult) -> list[str]:
    """The German report of an import: counts per level, then the outcome."""
    lines = [
        _("%(level)s: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert")
        % {
            "level": _LEVEL_NAMES[level],
            "created": number_format(counts.created, force_grouping=True),
            "updated": number_format(counts.updated, force_grouping=True),
            "unchanged": number_format(counts.unchanged, force_grouping=True),
        }
        for level, counts in result.counts.items()
    ]
    if result.not_in_source:
        lines.append(
            _("%(count)s Einträge der Datenbank fehlen in den Quelldaten; sie bleiben erhalten.")
            % {"count": number_format(result.not_in_source, force_grouping=True)}
        )
    if result.has_changes:
        outcome = _("Import abgeschlossen: %(created)s neu, %(updated)s geändert.") % {
            "created": number_format(result.created, force_grouping=True),
            "updated": number_format(result.updated, force_grouping=True),
        }
    else:
        outcome = _("Keine Änderungen: alle %(count)s Einträge sind aktuell.") % {
            "count": number_format(result.unchanged, force_grouping=True)
        }
    lines.append(outcome)
    lines.append(_("Dauer: %(seconds)s s") % {"seconds": number_format(result.seconds, 1)})
    return lines
