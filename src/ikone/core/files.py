"""Stored files follow their records: a file is removed only after the
change that let go of it has been committed, never before.

- `delete_after_commit(file)` removes a stored file once the surrounding
  transaction commits (immediately outside one). A rollback keeps the file,
  so a failed replacement or delete never loses the old upload.
- `remove_files_on_delete(Model, "file", …)` connects a `post_delete`
  receiver for that model only (Django's fast delete stays on for every
  other model): deleting a row, also by cascade, removes its files after
  commit.
- `orphaned_files(…)` lists stored files no row points at; the command
  `ikone remove_orphaned_files` shows them and, with `--delete`, removes
  them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage, storages
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete
from django.utils import timezone


def delete_after_commit(file: FieldFile | None) -> None:
    """Remove `file` from its storage once the current transaction commits."""
    if not file or not file.name:
        return
    storage, name = file.storage, file.name
    transaction.on_commit(lambda: storage.delete(name))


def remove_files_on_delete(model: type[models.Model], *field_names: str) -> None:
    """Remove the files in `field_names` of every deleted `model` row after commit."""

    def receiver(sender: Any, instance: models.Model, **kwargs: Any) -> None:
        for name in field_names:
            delete_after_commit(getattr(instance, name))

    post_delete.connect(
        receiver, sender=model, weak=False, dispatch_uid=f"remove_files:{model._meta.label}"
    )


@dataclass(frozen=True)
class StoredFile:
    name: str
    size: int
    modified: datetime


def referenced_names() -> set[str]:
    """Every file name a FileField of any model points at (one query per field)."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and not field.many_to_many:
                rows = model._base_manager.exclude(**{field.attname: ""}).values_list(
                    field.attname, flat=True
                )
                names.update(name for name in rows if name)
    return names


def _walk(storage: Storage, directory: str = "") -> Iterator[str]:
    folders, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for folder in folders:
        yield from _walk(storage, f"{directory}/{folder}" if directory else folder)


def orphaned_files(
    *, storage: Storage | None = None, min_age: timedelta = timedelta(hours=1)
) -> list[StoredFile]:
    """Stored files no row refers to, oldest first. Files younger than
    `min_age` are left out: their record may not be committed yet."""
    storage = storage or storages["default"]
    try:
        stored = list(_walk(storage))
    except FileNotFoundError:
        return []
    referenced = referenced_names()
    cutoff = timezone.now() - min_age
    orphans = []
    for name in stored:
        if name in referenced:
            continue
        modified = storage.get_modified_time(name)
        if modified > cutoff:
            continue
        orphans.append(StoredFile(name=name, size=storage.size(name), modified=modified))
    return sorted(orphans, key=lambda orphan: (orphan.modified, orphan.name))
