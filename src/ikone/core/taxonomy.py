"""The shared taxonomy of fields of action, loaded from the packaged YAML."""

from pathlib import Path
from typing import Any

import yaml
from django.apps import apps as global_apps

FIELDS_OF_ACTION_FILE = Path(__file__).parent / "data" / "fields_of_action.yaml"


def read_fields_of_action(path: Path = FIELDS_OF_ACTION_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    # The cross-cutting field (strategy and governance) is listed apart in
    # the source but filtered on like any other.
    entries = document["fields_of_action"] + document.get("cross_cutting", [])
    return [
        {"key": entry["key"], "label": entry["label_de"], "scope": entry.get("scope", "")}
        for entry in entries
    ]


def sync_fields_of_action(apps: Any = global_apps) -> int:
    """Create or update every field of action; returns how many were created.
    Takes `apps` so that a data migration can pass its historical registry."""
    model = apps.get_model("core", "FieldOfAction")
    created = 0
    for position, entry in enumerate(read_fields_of_action()):
        _, was_created = model.objects.update_or_create(
            key=entry["key"],
            defaults={"label": entry["label"], "scope": entry["scope"], "position": position},
        )
        created += was_created
    return created
