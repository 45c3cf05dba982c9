"""`ikone backup` and `ikone restore` round-trip: representative data
(every demo seeder, uploads included, and one generated row for every model
the demo leaves empty) is backed up, restored into a fresh database and data
folder by a separate process, and every table's rows and every file's
checksum compared: nothing lost."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ikone.core import seeding
from ikone.core.backup import MANIFEST, sha256, table_counts
from tests.demo_world import seed_demo_world
from tests.operations.filler import fill_empty_models

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _wagtail_root() -> None:
    """A transactional test starts from flushed tables; the CMS seeder needs
    the root page, root collection and locale that Wagtail's migrations create."""
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code="de")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def representative_data(media):
    _wagtail_root()
    seed_demo_world()
    out = io.StringIO()
    for seeder in seeding.ordered():
        function = seeding.load(seeder)
        if function is not None:
            function(stdout=out)
    not_filled = fill_empty_models()
    return not_filled


def _plain(value):
    """One form for a value however the driver returned it."""
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, dt.datetime | dt.date | dt.time | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, str) and value[:1] in ("{", "["):
        # Django's cursor returns jsonb as text, psycopg's own as objects.
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return value


def _rows(fetch) -> dict[str, list[str]]:
    """Every table's rows as sorted reprs (order of rows is not data)."""
    return {
        table: sorted(repr(tuple(_plain(value) for value in row)) for row in rows)
        for table, rows in fetch().items()
    }


def _django_rows() -> dict[str, list[tuple]]:
    quote = connection.ops.quote_name
    result = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            result[table] = cursor.fetchall()
    return result


def _restore_in_a_fresh_installation(backup: Path, tmp_path: Path) -> tuple[dict, Path]:
    """Run `ikone restore` in its own process against a new database and
    data folder; return the restored rows and media folder."""
    data_dir = tmp_path / "restored"
    data_dir.mkdir()
    env = {
        **os.environ,
        "IKONE_DATA_DIR": str(data_dir),
        "DEBUG": "false",
        "SECRET_KEY": "restore-test",
        "DJANGO_SETTINGS_MODULE": "ikone.settings",
    }
    settings_db = connection.settings_dict
    fresh_name = None
    if connection.vendor == "postgresql":
        fresh_name = f"{settings_db['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {fresh_name}")
            cursor.execute(f"CREATE DATABASE {fresh_name}")
        user = settings_db["USER"] or "postgres"
        host = settings_db["HOST"] or "127.0.0.1"
        port = settings_db["PORT"] or 5432
        password = f":{settings_db['PASSWORD']}" if settings_db["PASSWORD"] else ""
        env["DATABASE_URL"] = f"postgres://{user}{password}@{host}:{port}/{fresh_name}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{data_dir / 'restored.sqlite3'}"
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ikone", "restore", str(backup)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Wiederhergestellt und geprüft" in done.stdout
    if fresh_name:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as fresh:
            tables = [
                name
                for (name,) in fresh.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            ]
            rows = {t: fresh.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE {fresh_name} WITH (FORCE)")
    else:
        # Parse declared types as Django's own SQLite connection does.
        fresh = sqlite3.connect(
            data_dir / "restored.sqlite3",
            detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES,
        )
        tables = [
            name
            for (name,) in fresh.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {t: fresh.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}  # noqa: S608
        fresh.close()
    return rows, data_dir / "media"


def test_backup_and_restore_lose_nothing(representative_data, media, tmp_path):
    assert representative_data == [], f"models without a row: {representative_data}"
    uploads = sorted(path for path in media.rglob("*") if path.is_file())
    assert uploads, "the demo data has uploads"
    backup = tmp_path / "backup"

    call_command("backup", str(backup), stdout=io.StringIO())

    restored_rows, restored_media = _restore_in_a_fresh_installation(backup, tmp_path)
    original = _rows(_django_rows)
    assert set(_rows(lambda: restored_rows)) == set(original)
    for table, rows in _rows(lambda: restored_rows).items():
        assert rows == original[table], f"table {table} differs after restore"
    for path in uploads:
        copy = restored_media / path.relative_to(media)
        assert sha256(copy) == sha256(path)


def test_the_manifest_records_rows_and_checksums(media, tmp_path):
    seed_demo_world(events=False)
    (media / "akte").mkdir()
    (media / "akte" / "plan.pdf").write_bytes(b"%PDF-1.4 Plan")
    backup = tmp_path / "backup"

    call_command("backup", str(backup), stdout=io.StringIO())

    manifest = json.loads((backup / MANIFEST).read_text("utf-8"))
    assert manifest["tables"] == table_counts()
    assert manifest["files"]["akte/plan.pdf"]["sha256"] == sha256(media / "akte" / "plan.pdf")
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["migrations"]["accounts"].startswith("00")


def test_backup_refuses_a_folder_that_is_not_empty(media, tmp_path):
    target = tmp_path / "backup"
    target.mkdir()
    (target / "alt.txt").write_text("alt")
    with pytest.raises(CommandError, match="nicht leer"):
        call_command("backup", str(target), stdout=io.StringIO())


def test_restore_refuses_a_target_that_is_not_empty_unless_forced(media, tmp_path):
    seed_demo_world(events=False)
    backup = tmp_path / "backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    with pytest.raises(CommandError, match="nicht leer"):
        call_command("restore", str(backup), stdout=io.StringIO())


def test_restore_refuses_a_damaged_backup_and_changes_nothing(media, tmp_path):
    seed_demo_world(events=False)
    (media / "brief.txt").write_text("Original")
    backup = tmp_path / "backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    (backup / "media" / "brief.txt").write_text("verändert")
    before = table_counts()

    with pytest.raises(CommandError, match="brief.txt"):
        call_command("restore", str(backup), "--force", stdout=io.StringIO())
    assert table_counts() == before
    assert (media / "brief.txt").read_text() == "Original"
