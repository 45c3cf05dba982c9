"""Importing the federal model projects as organisations.

Each row becomes (or updates) a `ModelProject` and the organisation that
carries it. The organisation is linked to the municipality directory only
where the row's name and Land match exactly one unit (see `UnitIndex`);
partners are matched the same way. Rows and partners that match no unit or
several are reported, never guessed and never dropped: the organisation is
created without a unit then, and a coordinator can link it in the admin.

The solutions app writes `accounts.Organization` rows here because model
projects are organisations nobody has registered yet; the same way the demo
seeder of accounts does. Existing organisations of a unit are reused and
never renamed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from ikone.accounts.models import Organization, OrganizationKind
from ikone.accounts.services import (
    organization_default_name,
    organization_kind_for,
    unique_organization_slug,
)
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.text import fold
from ikone.municipalities.models import Level, Municipality
from ikone.solutions.importer import ModelProjectRow, read_model_projects
from ikone.solutions.models import ModelProject

# Prefixes that name the level of a unit in the file ("VG Arzfeld", "SG Artland").
LEVEL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Verbandsgemeinde ", Level.ASSOCIATION),
    ("VG ", Level.ASSOCIATION),
    ("SG ", Level.ASSOCIATION),
    ("Samtgemeinde ", Level.ASSOCIATION),
    ("Landkreis ", Level.DISTRICT),
    ("Kreis ", Level.DISTRICT),
    ("Stadt ", Level.MUNICIPALITY),
    ("Gemeinde ", Level.MUNICIPALITY),
)
KIND_LEVEL: dict[str, str] = {
    "Stadt": Level.MUNICIPALITY,
    "Gemeinde": Level.MUNICIPALITY,
    "Landkreis": Level.DISTRICT,
}
ORGANIZATION_KIND = {
    "Stadt": OrganizationKind.MUNICIPALITY,
    "Gemeinde": OrganizationKind.MUNICIPALITY,
    "Landkreis": OrganizationKind.DISTRICT,
    "interkommunale Kooperation": OrganizationKind.COOPERATION,
}
_LEAD = re.compile(r"\s*\((lead|federführend)\)\s*$", re.IGNORECASE)


def _key(name: str) -> str:
    """Names compare folded and without white space ("b. München" = "b.München")."""
    return re.sub(r"\s+", "", fold(name))


@dataclass(frozen=True)
class Unmatched:
    line: int
    name: str
    candidates: tuple[str, ...]  # AGS of the units that matched; empty: none

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass
class ModelProjectReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: int = 0
    unmatched_rows: list[Unmatched] = field(default_factory=list)
    unmatched_partners: list[Unmatched] = field(default_factory=list)


class UnitIndex:
    """Districts, associations and Gemeinden by folded short name, each with
    the name of its Land: one query for the whole directory."""

    def __init__(self) -> None:
        self.units: dict[tuple[str, str], list[tuple[Municipality, str]]] = defaultdict(list)
        queryset = Municipality.objects.exclude(level=Level.STATE).select_related("state")
        for unit in queryset.only(
            "ags", "name", "name_short", "level", "type_code", "type_label", "state__name"
        ):
            state = unit.state.name if unit.state else ""
            self.units[(unit.level, _key(unit.name_short))].append((unit, state))

    def find(self, name: str, level: str, lands: tuple[str, ...]) -> list[Municipality]:
        candidates = self.units.get((level, _key(name)), [])
        found = [unit for unit, state in candidates if state in lands]
        if level == Level.DISTRICT:
            # A Landkreis row never means the kreisfreie Stadt of the same name (Hof).
            found = [unit for unit in found if not unit.type_label.startswith("Kreisfreie")]
        return found


def _split_level(name: str, default: str) -> tuple[str, str]:
    for prefix, level in LEVEL_PREFIXES:
        if name.startswith(prefix):
            return name.removeprefix(prefix), level
    return name, default


def _row_units(row: ModelProjectRow, index: UnitIndex) -> list[Municipality]:
    level = KIND_LEVEL.get(row.kind)
    if level is None:
        return []
    found = index.find(row.name, level, row.lands)
    if not found:
        found = index.find(*_split_level(row.name, level), row.lands)
    return found


def _partner_units(
    row: ModelProjectRow, index: UnitIndex, report: ModelProjectReport
) -> list[Municipality]:
    matched = []
    for partner in row.partners:
        name = _LEAD.sub("", partner)
        found = (
            index.find(name, Level.MUNICIPALITY, row.lands)
            or index.find(*_split_level(name, Level.MUNICIPALITY), row.lands)
            or index.find(name, Level.DISTRICT, row.lands)
        )
        if len(found) == 1:
            matched.append(found[0])
        else:
            report.unmatched_partners.append(
                Unmatched(row.line, partner, tuple(unit.ags for unit in found))
            )
    return matched


def _organization_for(row: ModelProjectRow, unit: Municipality | None) -> Organization:
    if unit is not None:
        existing = Organization.objects.filter(municipality=unit).first()
        if existing is not None:
            return existing
        name = organization_default_name(unit)
        kind = organization_kind_for(unit)
    else:
        name = row.name
        if row.kind == "Stadt" and not name.startswith("Stadt "):
            name = f"Stadt {name}"
        kind = ORGANIZATION_KIND[row.kind]
    organization = Organization(
        municipality=unit, name=name, slug=unique_organization_slug(name), kind=kind
    )
    organization.full_clean()
    organization.save()
    return organization


def _values(row: ModelProjectRow) -> dict[str, object]:
    return {
        "kind_label": row.kind,
        "lands": list(row.lands),
        "category": row.category,
        "funding_eur": row.funding_eur,
        "note": row.note,
        "partners": list(row.partners),
        "project_title": row.project_title,
        "sources": list(row.sources),
    }


def _upsert(row: ModelProjectRow, index: UnitIndex, report: ModelProjectReport) -> None:
    units = _row_units(row, index)
    unit = units[0] if len(units) == 1 else None
    if unit is None and row.kind != "interkommunale Kooperation":
        report.unmatched_rows.append(Unmatched(row.line, row.name, tuple(u.ags for u in units)))
    partner_units = _partner_units(row, index, report)
    values = _values(row)
    project = ModelProject.objects.filter(round_year=row.round_year, name=row.name).first()
    if project is None:
        organization = _organization_for(row, unit)
        project = ModelProject.objects.create(
            organization=organization, name=row.name, round_year=row.round_year, **values
        )
        report.created += 1
    elif any(getattr(project, key) != value for key, value in values.items()):
        ModelProject.objects.filter(pk=project.pk).update(**values)
        report.updated += 1
    else:
        report.unchanged += 1
    project.partner_units.set(partner_units)
    organization = project.organization
    if organization.kind == OrganizationKind.COOPERATION and organization.municipality_id is None:
        organization.cooperation_members.add(*partner_units)
    if organization.municipality_id is not None:
        report.linked += 1


@transaction.atomic
def model_projects_import(*, path: Path | None = None, actor: Actor) -> ModelProjectReport:
    """Upsert the model projects from the file, in one transaction.

    The whole file is read and validated first (ImportFileError names file
    and line, and nothing is written). Projects are keyed by round and name,
    so a second run changes nothing. Returns what was created, updated and
    could not be matched to the directory."""
    rows = read_model_projects(path)
    index = UnitIndex()
    report = ModelProjectReport()
    for row in rows:
        _upsert(row, index, report)
    audit.record(
        actor,
        "solutions.modelproject.imported",
        data={
            "created": report.created,
            "updated": report.updated,
            "unmatched": [entry.line for entry in report.unmatched_rows],
        },
    )
    return report
