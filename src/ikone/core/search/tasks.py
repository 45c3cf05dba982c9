"""Background work of the search: re-index changed objects, embed texts."""

from __future__ import annotations

from django_tasks import task


@task()
def index_objects(kind: str, object_ids: list[str]) -> int:
    """Rebuild the documents of these objects (enqueued after a commit)."""
    from ikone.core.search.index import index_objects as run

    return run(kind, object_ids)


@task()
def embed_documents(document_ids: list[int]) -> int:
    """Compute the sentence embeddings of documents whose text changed and
    publish them to the web workers (a new shared snapshot)."""
    from ikone.core.search.embeddings import embed_documents as run
    from ikone.core.search.vector_files import write_snapshot

    embedded = run(document_ids)
    if embedded:
        write_snapshot()
    return embedded


@task()
def refresh_vectors() -> int:
    """Publish the stored embeddings as the newest shared snapshot (see
    `ikone.core.search.vector_files`); returns how many it holds."""
    from ikone.core.search.vector_files import write_snapshot

    return len(write_snapshot().ids)
