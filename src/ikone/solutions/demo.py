"""Demo content of the catalogue: the 73 model projects (the real data) and
the solution profiles of `demo/solutions.yaml` (see docs/demo.md)."""

from __future__ import annotations

from ikone.core.audit import Actor
from ikone.core.seeding import Writer
from ikone.municipalities.models import Municipality
from ikone.solutions.services.model_projects import model_projects_import


def seed_demo_solutions(*, stdout: Writer) -> None:
    """Import the model projects (idempotent), then the demo profiles."""
    if not Municipality.objects.exists():
        stdout.write("Modellprojekte übersprungen: zuerst `ikone import_municipalities`.\n")
        return
    report = model_projects_import(actor=Actor.system())
    stdout.write(
        f"Modellprojekte: {report.created} neu, {report.updated} geändert, "
        f"{report.unchanged} unverändert.\n"
    )
