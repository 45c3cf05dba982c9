"""`ikone import_call FILE.yaml`: create or update a funding call from YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ikone.calls import services
from ikone.calls.importer import CallImportError, parse_call_yaml
from ikone.core.audit import Actor
from ikone.core.datetimes import format_datetime


class Command(BaseCommand):
    help = (
        "Legt einen Förderaufruf aus einer YAML-Datei an oder aktualisiert ihn "
        "(Format: docs/calls.md). Bei Fehlern wird nichts geändert."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="YAML-Datei")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(
                f"Datei kann nicht gelesen werden: {path} ({exc.strerror})"
            ) from exc
        try:
            data = parse_call_yaml(text)
            result = services.import_call(data=data, actor=Actor.system())
        except CallImportError as exc:
            raise CommandError(
                f"{path}: nicht importiert, nichts geändert.\n" + "\n".join(exc.errors)
            ) from exc
        call = result.call
        if result.created:
            self.stdout.write(f"Angelegt: {call.title} ({call.slug})")
        elif result.changed:
            self.stdout.write(f"Aktualisiert: {call.title} ({call.slug})")
        else:
            self.stdout.write(f"Unverändert: {call.title} ({call.slug})")
        if call.deadline is not None:
            # Operators check here that a date-only or zone-less deadline in
            # the file was read as Berlin time.
            self.stdout.write(
                f"Einreichungsfrist: {format_datetime(call.deadline)} (Europe/Berlin)"
            )
        if result.new_version is not None:
            self.stdout.write(f"Fassung {result.new_version.number} veröffentlicht.")
