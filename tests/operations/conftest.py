"""The migrated template database with the operations world, built once
per test session for the tests that start their own servers."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.operations.cluster import Template, admin_execute, build_template, shared_postgres_url


@pytest.fixture(scope="session")
def operations_template(tmp_path_factory) -> Iterator[Template]:
    """With IKONE_OPS_KEEP_TEMPLATE=DIR (when working on these tests) the
    template and its data folder DIR are kept and reused by the next run."""
    shared_url = shared_postgres_url()
    kept = os.environ.get("IKONE_OPS_KEEP_TEMPLATE")
    if kept and (Path(kept) / "template.json").exists():
        yield Template.load(Path(kept))
        return
    started = time.monotonic()
    data_dir = Path(kept) if kept else tmp_path_factory.mktemp("ikone-data")
    template = build_template(shared_url, data_dir)
    print(f"\noperations template built in {time.monotonic() - started:.0f} s")
    if kept:
        template.save()
        yield template
        return
    yield template
    admin_execute(shared_url, f'DROP DATABASE IF EXISTS "{template.name}" WITH (FORCE)')
