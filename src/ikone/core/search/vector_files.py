"""The embedding matrix as files that every process of a machine maps
(docs/adr/0007-shared-encoder-and-embeddings.md).

A snapshot is a directory with the vectors (N × 512 float32, `.npy`, in
column order: `_write_columns`), the document ids, kinds and groups, written by one process and then memory-mapped
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


# Rows read from the database per round trip while a snapshot is written: the
# worker never holds more than this many embeddings as Python objects.
STREAM_ROWS = 2000


def _stream_rows(path: Path) -> tuple[list[int], list[str], list[str], dict[str, str]]:
    """Write every stored embedding to `path` as raw float32, streaming;
    returns ids, kinds and groups in the same order and the table tokens
    read before the rows."""
    from ikone.core.search.models import SearchDocument

    ids: list[int] = []
    kinds: list[str] = []
    groups: list[str] = []
    with tables.recording() as recorded, path.open("wb") as raw:
        rows = (
            SearchDocument.objects.filter(suggestible=True, embedded_at__isnull=False)
            .order_by("pk")
            .values_list("pk", "kind", "group", "embedding")
            .iterator(chunk_size=STREAM_ROWS)
        )
        empty = bytes(DIMENSIONS * 4)
        for pk, kind, group, embedding in rows:
            ids.append(pk)
            kinds.append(kind)
            groups.append(group)
            raw.write(bytes(embedding) if embedding else empty)
    return ids, kinds, groups, recorded.tokens


def write_snapshot() -> Snapshot:
    """Read every stored embedding and publish them as the newest snapshot.

    The rows are streamed to disk and the vectors file is filled from there,
    so the background worker's memory stays flat however many documents
    there are (a list of all rows cost about 180 MB at bench volume)."""
    base = directory()
    staging = base / f".staging-{secrets.token_hex(6)}"
    staging.mkdir(parents=True)
    raw_path = staging / "vectors.raw"
    ids, kinds, groups, tokens = _stream_rows(raw_path)
    codes: dict[str, int] = {}
    kind_codes = [codes.setdefault(kind, len(codes)) for kind in kinds]
    group_codes = [codes.setdefault(group, len(codes)) for group in groups]
    name = f"{len(ids)}-{secrets.token_hex(6)}"
    np.save(staging / "ids.npy", np.array(ids, dtype=np.int64))
    np.save(staging / "kinds.npy", np.array(kind_codes, dtype=np.int32))
    np.save(staging / "groups.npy", np.array(group_codes, dtype=np.int32))
    _write_columns(raw_path, staging / "vectors.npy", len(ids))
    raw_path.unlink()
    (staging / "meta.json").write_text(json.dumps({"codes": codes, "tokens": tokens}))
    path = base / name
    os.replace(staging, path)
    pointer = base / f".{POINTER}-{name}"
    pointer.write_text(name)
    os.replace(pointer, base / POINTER)
    _prune(base, keep=name)
    return current() or _load(path, name)


def _write_columns(raw_path: Path, path: Path, rows: int) -> None:
    """The raw rows as an `.npy` file in column order (Fortran order: each
    dimension's values of all documents one after another). A question is
    compared with every row at once (`Matrix.scores`), and OpenBLAS's
    product of a matrix in column order with a vector took 8 instead of 14
    ms at bench volume (40,000 × 512, one thread; docs/benchmark.md). Read
    STREAM_ROWS rows at a time and written to their place in each column: no
    mapping of either file, whose pages would count as this worker's
    memory, and never more than one block in memory."""
    with path.open("wb") as target, raw_path.open("rb") as source:
        header = {"descr": "<f4", "fortran_order": True, "shape": (rows, DIMENSIONS)}
        np.lib.format.write_array_header_1_0(target, header)
        start = target.tell()
        target.truncate(start + rows * DIMENSIONS * 4)
        first = 0
        while block := source.read(STREAM_ROWS * DIMENSIONS * 4):
            columns = np.frombuffer(block, dtype="<f4").reshape(-1, DIMENSIONS).T
            for dimension, column in enumerate(columns):
                target.seek(start + (dimension * rows + first) * 4)
                target.write(np.ascontiguousarray(column).tobytes())
            first += columns.shape[1]


def _prune(base: Path, *, keep: str) -> None:
    """Remove old snapshots; a process that still maps one keeps reading it
    (an unlinked file lives on while it is open)."""
    snapshots = sorted(
        (entry for entry in base.iterdir() if entry.is_dir() and not entry.name.startswith(".")),
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
