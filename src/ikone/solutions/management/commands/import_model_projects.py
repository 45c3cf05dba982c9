"""`ikone import_model_projects [--file PATH]`: load the federal model projects."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ikone.core.audit import Actor
from ikone.municipalities.importer import ImportFileError
from ikone.solutions.services.model_projects import ModelProjectReport, model_projects_import


class Command(BaseCommand):
    help = (
        "Importiert die 73 Modellprojekte Smart Cities als Organisationen und verknüpft sie "
        "mit dem Gemeindeverzeichnis. Ohne --file die mitgelieferte Datei."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", help="CSV-Datei im Format von model_projects.csv")

    def handle(self, *args: Any, file: str | None = None, **options: Any) -> None:
        try:
            report = model_projects_import(path=Path(file) if file else None, actor=Actor.system())
        except ImportFileError as error:
            raise CommandError(error.message) from error
        for line in report_lines(report):
            self.stdout.write(line)


def report_lines(report: ModelProjectReport) -> list[str]:
    """The German report: counts, then every row and partner left unmatched."""
    lines = [
        _(
            "Modellprojekte: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert; "
            "%(linked)s mit dem Gemeindeverzeichnis verknüpft."
        )
        % vars(report)
    ]
    for entry in report.unmatched_rows:
        lines.append(_unmatched(_("Zeile %(line)s: „%(name)s“"), entry))
    for entry in report.unmatched_partners:
        lines.append(_unmatched(_("Zeile %(line)s, Partner „%(name)s“"), entry))
    return lines


def _unmatched(prefix: str, entry: Any) -> str:
    where = prefix % {"line": entry.line, "name": entry.name}
    if entry.ambiguous:
        return _("%(where)s passt zu mehreren Kommunen (%(keys)s); nicht verknüpft.") % {
            "where": where,
            "keys": ", ".join(entry.candidates),
        }
    return _("%(where)s passt zu keiner Kommune mit diesem Namen und Land; nicht verknüpft.") % {
        "where": where
    }
