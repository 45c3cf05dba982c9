"""Backup and restore of one IKONE installation: the database and the
uploaded files, with a manifest that lets a restore prove nothing was lost.

A backup folder holds
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or
  `database.sqlite3` (SQLite, copied with the online backup API),
- `media/`, a copy of MEDIA_ROOT (every uploaded file),
- `manifest.json`: versions, the migrations applied, the row count of every
  table and the SHA-256 of the database file and of every uploaded file.

On PostgreSQL the row counts and the dump read one exported snapshot, so
they agree even while people keep working. The secret key is not part of
a backup (it is configuration, see docs/operations.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.db import connection, transaction

from ikone.core.datetimes import berlin_now, iso

MANIFEST = "manifest.json"
MEDIA = "media"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for people."""


@dataclass(frozen=True)
class RestoreReport:
    tables: int
    rows: int
    files: int


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _version() -> str:
    try:
        return metadata.version("ikone")
    except metadata.PackageNotFoundError:
        return ""


def _files(root: Path) -> Iterator[Path]:
    if root.is_dir():
        yield from sorted(path for path in root.rglob("*") if path.is_file())


def table_counts() -> dict[str, int]:
    """Rows of every table of the default database (in the current transaction)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - introspected names
            counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = name
    return latest


def _postgres_options() -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore, the password in the environment."""
    db: dict[str, Any] = dict(settings.DATABASES["default"])
    options = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            options.append(f"{flag}={db[key]}")
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return options, env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, env=env)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} fehlt (Debian: apt-get install postgresql-client)."
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} ist gescheitert: {error.stderr.strip()}") from error


def _dump_database(target: Path) -> tuple[str, dict[str, int]]:
    """Write the database into `target` (a new folder); return the file name and the row counts."""
    if connection.vendor == "postgresql":
        options, env = _postgres_options()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            counts = table_counts()
            _run(
                [
                    "pg_dump",
                    *options,
                    "--format=custom",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    f"--file={target / POSTGRES_DUMP}",
                    str(settings.DATABASES["default"]["NAME"]),
                ],
                env,
            )
        return POSTGRES_DUMP, counts
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target / SQLITE_COPY)
        try:
            connection.connection.backup(copy)
            counts = {}
            for (table,) in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).fetchall():
                counts[table] = copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        finally:
            copy.close()
        return SQLITE_COPY, counts
    raise BackupError(f"Datenbank {connection.vendor} wird nicht unterstützt.")


def backup(target: Path) -> dict[str, Any]:
    """Write a backup into `target`, which must not exist or be empty.
    Returns the manifest."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Der Ordner {target} ist nicht leer.")
    target.mkdir(parents=True, exist_ok=True)
    database_file, counts = _dump_database(target)
    media_root = Path(settings.MEDIA_ROOT)
    files = {}
    for path in _files(media_root):
        relative = path.relative_to(media_root)
        copy = target / MEDIA / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
        files[relative.as_posix()] = {"size": copy.stat().st_size, "sha256": sha256(copy)}
    manifest = {
        "format": FORMAT,
        "created_at": iso(berlin_now()),
        "ikone": _version(),
        "django": django.get_version(),
        "database": {
            "vendor": connection.vendor,
            "file": database_file,
            "sha256": sha256(target / database_file),
            "migrations": _applied_migrations(),
        },
        "tables": counts,
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), "utf-8")
    return manifest


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest, after checking every file of the backup against it."""
    try:
        manifest: dict[str, Any] = json.loads((source / MANIFEST).read_text("utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"{source} enthält keine {MANIFEST}: keine IKONE-Sicherung.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unbekanntes Sicherungsformat {manifest.get('format')!r}.")
    database = manifest["database"]
    if sha256(source / database["file"]) != database["sha256"]:
        raise BackupError(f"{database['file']} ist beschädigt (Prüfsumme stimmt nicht).")
    for name, expected in manifest["files"].items():
        path = source / MEDIA / name
        if not path.is_file() or sha256(path) != expected["sha256"]:
            raise BackupError(f"Die Datei {name} fehlt in der Sicherung oder ist beschädigt.")
    return manifest


def target_is_empty() -> bool:
    media_root = Path(settings.MEDIA_ROOT)
    has_files = next(_files(media_root), None) is not None
    with connection.cursor() as cursor:
        has_tables = bool(connection.introspection.table_names(cursor))
    return not (has_files or has_tables)


def _restore_database(source: Path, manifest: dict[str, Any], *, force: bool) -> None:
    database = manifest["database"]
    if database["vendor"] != connection.vendor:
        raise BackupError(
            f"Die Sicherung stammt aus {database['vendor']}, das Ziel ist {connection.vendor}."
        )
    if connection.vendor == "postgresql":
        options, env = _postgres_options()
        connection.close()
        clean = ["--clean", "--if-exists"] if force else []
        _run(
            [
                "pg_restore",
                *options,
                *clean,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(source / database["file"]),
            ],
            env,
        )
        return
    connection.ensure_connection()
    backup_copy = sqlite3.connect(source / database["file"])
    try:
        backup_copy.backup(connection.connection)
    finally:
        backup_copy.close()


def restore(source: Path, *, force: bool = False) -> RestoreReport:
    """Restore the backup in `source` into this installation's database and
    MEDIA_ROOT, which must be empty unless `force`; then check that every
    table has the rows and every file the checksum the manifest records."""
    manifest = read_manifest(source)
    if not force and not target_is_empty():
        raise BackupError(
            "Datenbank oder Dateiordner sind nicht leer. Eine Wiederherstellung "
            "überschreibt alles: mit --force bestätigen."
        )
    _restore_database(source, manifest, force=force)
    media_root = Path(settings.MEDIA_ROOT)
    if force and media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    if (source / MEDIA).is_dir():
        shutil.copytree(source / MEDIA, media_root, dirs_exist_ok=True)
    counts = table_counts()
    wrong = {
        table: (expected, counts.get(table))
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    }
    if wrong:
        raise BackupError(f"Zeilenzahlen weichen ab (erwartet, gefunden): {wrong}")
    for name, expected in manifest["files"].items():
        if sha256(media_root / name) != expected["sha256"]:
            raise BackupError(f"Die Datei {name} wurde nicht richtig wiederhergestellt.")
    return RestoreReport(
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
    )
