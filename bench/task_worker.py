"""Peak memory of a background worker (`ikone db_worker`) doing the heaviest
work it has: embedding changed search documents with the sentence encoder
and publishing a new vector snapshot, re-indexing objects, sending mail.

Marks BATCH suggestible documents as changed (their stored digest cleared:
the worker computes the same vectors again, so the data set is unchanged
afterwards), enqueues the tasks, runs one worker until the queue is empty
(`--batch`) and reads the child's peak resident set (ru_maxrss) from the
kernel. Issue 15's budget: 400 MB.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
BATCH = 256


def enqueue_representative_tasks() -> int:
    """Enqueue embedding, snapshot, re-index and mail tasks; returns how
    many documents will be embedded again."""
    from ikone.core.search.models import SearchDocument
    from ikone.core.search.tasks import embed_documents, index_objects, refresh_vectors

    ids = list(
        SearchDocument.objects.filter(suggestible=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    SearchDocument.objects.filter(pk__in=ids).update(embedding_digest="")
    embed_documents.enqueue(document_ids=ids)
    refresh_vectors.enqueue()
    sample = (
        SearchDocument.objects.filter(kind="question")
        .order_by("pk")
        .values_list("object_id", flat=True)[:50]
    )
    index_objects.enqueue(kind="question", object_ids=[str(pk) for pk in sample])
    return len(ids)


def measure_worker(environment: dict[str, str]) -> dict[str, Any]:
    """Run `ikone db_worker --batch` in a child of a fresh interpreter and
    report that child's peak RSS (the interpreter has no other children)."""
    documents = enqueue_representative_tasks()
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-c", probe, str(BIN / "ikone"), "db_worker", "--batch"],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    peak_kib = int(finished.stdout.strip().splitlines()[-1])
    return {
        "documents_embedded": documents,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }
