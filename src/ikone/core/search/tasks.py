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
    """Compute the sentence embeddings of documents whose text changed."""
    from ikone.core.search.embeddings import embed_documents as run

    return run(document_ids)
