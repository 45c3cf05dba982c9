"""The personal data export (Art. 15/20 DSGVO) is assembled from parts that
each app registers for the data it owns, so accounts (a low layer) never
imports the apps above it.

An app calls `register(ExportPart(...))` in its `AppConfig.ready()`. A part
names in `covers` every field it exports as "app_label.Model.field": the
links to the person (foreign keys to the user model) and the personal
fields of those rows (e-mail, phone, accessibility needs, IP address …).
`tests/accounts/test_data_export.py` walks the model registry and fails for
any link to a person or personal field that no part covers, so a new one
cannot be added without exporting it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ikone.core.datetimes import iso
from ikone.core.registry import Registry


@dataclass(frozen=True)
class ExportPart:
    key: str  # the key in the export, e.g. "event_registrations"
    collect: Callable[[Any], Any]  # user -> JSON-ready data
    covers: tuple[str, ...]  # "app_label.Model.field" exported by this part
    note: str = ""  # what the part holds, for `ikone show_registry`


def _describe(part: ExportPart) -> str:
    return f"{part.key}: {part.note or ', '.join(part.covers)}"


PARTS: Registry[ExportPart] = Registry(
    "Personal data export parts", key=lambda part: part.key, describe=_describe
)


def register(*parts: ExportPart) -> None:
    for part in parts:
        PARTS.register(part)


def export_for(user: Any) -> dict[str, Any]:
    """Every registered part's data about `user`, under the part's key."""
    return {part.key: part.collect(user) for part in PARTS}


def covered_fields() -> set[str]:
    return {field for part in PARTS for field in part.covers}


def when(value: Any) -> str | None:
    """Dates and times in the export: ISO 8601 in Europe/Berlin."""
    return iso(value)
