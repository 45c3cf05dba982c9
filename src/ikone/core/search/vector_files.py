"""The embedding matrix as files that every process of a machine maps
(docs/adr/0007-shared-encoder-and-embeddings.md).

A snapshot is a directory with the vectors (N × 512 float32, `.npy`), the
document ids, kinds and groups, written by one process and then memory-mapped
read-only by all: the operating system keeps one copy in its page cache, each
web worker's share of it is not private memory. A `current` file names the
newest snapshot; writing it last (rename) makes a new snapshot appear whole.

No request reads the stored embeddings from the database after a change: a
snapshot remembers the version token of the search table (see
`ikone.core.pagecache.tables`) from before its rows were read; when a request
finds the token changed it enqueues `refresh_vectors` (once per change) and
answers with the snapshot it has. The background worker reads the rows and
writes the next snapshot; the workers map it on their next request. Only a
machine without any snapshot (first start) builds one in the request.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.core.cache import cache

from ikone.core.pagecache import tables

DIMENSIONS = 512
POINTER = "current"
KEEP = 3  # snapshots kept on disk; older ones may still be mapped by a process
REFRESH_KEY = "ikone:search:vectors-refresh:"
REFRESH_PENDING_SECONDS = 300


@dataclass(frozen=True)
class Snapshot:
    name: str
    ids: np.ndarray
    kinds: np.ndarray
    groups: np.ndarray
    codes: dict[str, int]
    vectors: np.ndarray
    tokens: dict[str, str]


def directory() -> Path:
    return Path(settings.SEARCH_VECTORS_DIR)


_lock = threading.Lock()
_mapped: dict[Path, Snapshot] = {}


def current() -> Snapshot | None:
    """The newest snapshot of this machine, mapped (once per process)."""
    base = directory()
    try:
        name = (base / POINTER).read_text().strip()
    except FileNotFoundError:
        return None
    mapped = _mapped.get(base)
    if mapped is not None and mapped.name == name:
        return mapped
    with _lock:
        snapshot = _load(base / name, name)
        _mapped[base] = snapshot
    return snapshot


def _load(path: Path, name: str) -> Snapshot:
    meta = json.loads((path / "meta.json").read_text())
    return Snapshot(
        name=name,
        ids=np.load(path / "ids.npy"),
        kinds=np.load(path / "kinds.npy"),
        groups=np.load(path / "groups.npy"),
        codes=meta["codes"],
        vectors=np.load(path / "vectors.npy", mmap_mode="r"),
        tokens=meta["tokens"],
    )


def _rows() -> tuple[list[tuple[Any, ...]], dict[str, str]]:
    from ikone.core.search.models import SearchDocument

    with tables.recording() as recorded:
        rows = list(
            SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False)
            .order_by("pk")
            .values_list("pk", "kind", "group", "embedding")
        )
    return rows, recorded.tokens


def write_snapshot() -> Snapshot:
    """Read every stored embedding and publish them as the newest snapshot."""
    rows, tokens = _rows()
    codes: dict[str, int] = {}
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    kinds = np.array([codes.setdefault(row[1], len(codes)) for row in rows], dtype=np.int32)
    groups = np.array([codes.setdefault(row[2], len(codes)) for row in rows], dtype=np.int32)
    vectors = np.zeros((len(rows), DIMENSIONS), dtype=np.float32)
    for index, row in enumerate(rows):
        vectors[index] = np.frombuffer(bytes(row[3] or b""), dtype=np.float32)
    base = directory()
    name = f"{len(rows)}-{secrets.token_hex(6)}"
    path = base / name
    path.mkdir(parents=True)
    np.save(path / "ids.npy", ids)
    np.save(path / "kinds.npy", kinds)
    np.save(path / "groups.npy", groups)
    np.save(path / "vectors.npy", vectors)
    (path / "meta.json").write_text(json.dumps({"codes": codes, "tokens": tokens}))
    pointer = base / f".{POINTER}-{name}"
    pointer.write_text(name)
    os.replace(pointer, base / POINTER)
    _prune(base, keep=name)
    return current() or _load(path, name)


def _prune(base: Path, *, keep: str) -> None:
    """Remove old snapshots; a process that still maps one keeps reading it
    (an unlinked file lives on while it is open)."""
    snapshots = sorted(
        (entry for entry in base.iterdir() if entry.is_dir()),
        key=lambda entry: entry.stat().st_mtime,
    )
    for old in snapshots[:-KEEP]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def request_refresh(snapshot: Snapshot) -> None:
    """Enqueue one background refresh per change of the search table."""
    from ikone.core.search.tasks import refresh_vectors

    now = tables.current_tokens(snapshot.tokens)
    key = REFRESH_KEY + "-".join(f"{table}={token}" for table, token in sorted(now.items()))
    if cache.add(key, True, REFRESH_PENDING_SECONDS):
        refresh_vectors.enqueue()


def fresh_enough() -> Snapshot:
    """The snapshot a request uses: the newest one, a refresh enqueued when
    the search table changed since it was read; built here only when the
    machine has none."""
    snapshot = current()
    if snapshot is None:
        return write_snapshot()
    if not tables.unchanged(snapshot.tokens):
        request_refresh(snapshot)
        snapshot = current() or snapshot  # an immediate task backend refreshed it already
    return snapshot
