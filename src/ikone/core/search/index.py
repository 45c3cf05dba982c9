"""Keeping the index current: build documents from objects, write them,
drop the ones whose object is gone or hidden.

`index_objects` is what the background task runs after a change;
`rebuild` (command `ikone rebuild_search_index`) reconciles whole kinds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q

from ikone.core.search import registry
from ikone.core.search.backends import get_backend, rarity
from ikone.core.search.backends.database import DatabaseBackend
from ikone.core.search.models import SearchDocument
from ikone.core.search.registry import PASSAGE_SEPARATOR, DocumentData, Provider
from ikone.core.search.text import stem_text

TITLE_MAX = 300
BODY_MAX = 20_000
FIELDS = (
    "title",
    "context",
    "body",
    "url",
    "group",
    "visibility",
    "organization_id",
    "owner_id",
    "suggestible",
    "stemmed_title",
    "stemmed_body",
)


def embedding_text(title: str, body: str) -> str:
    """The text the sentence encoder sees: the title and the start of the body."""
    return f"{title}\n{body[:1200]}".strip()


def text_digest(title: str, body: str) -> str:
    return hashlib.sha256(embedding_text(title, body).encode()).hexdigest()


def _row(kind: str, data: DocumentData) -> SearchDocument:
    title = data.title[:TITLE_MAX]
    body = data.body[:BODY_MAX]
    return SearchDocument(
        kind=kind,
        object_id=str(data.object_id),
        title=title,
        body=body,
        context=data.context[:TITLE_MAX] or None,
        url=data.url,
        group=data.group,
        visibility=data.visibility,
        organization_id=data.organization_id,
        owner_id=data.owner_id,
        suggestible=data.suggestible,
        stemmed_title=stem_text(title),
        stemmed_body=stem_text(body),
    )


def _documents(provider: Provider, objects: Iterable[Any]) -> dict[str, DocumentData]:
    found: dict[str, DocumentData] = {}
    for obj in objects:
        data = provider.document(obj)
        for item in data if isinstance(data, list) else [data]:
            if item is not None:
                found[str(item.object_id)] = item
    return found


def _of_objects(provider: Provider, ids: set[str]) -> Q:
    """The documents of these objects (for a passages provider: their passages)."""
    condition = Q(object_id__in=ids)
    if provider.passages:
        for pk in ids:
            condition |= Q(object_id__startswith=f"{pk}{PASSAGE_SEPARATOR}")
    return Q(kind=provider.kind) & condition


def _changes(
    provider: Provider, found: dict[str, DocumentData], existing: dict[str, SearchDocument]
) -> tuple[list[SearchDocument], list[SearchDocument]]:
    """(rows to insert, rows to update)."""
    create: list[SearchDocument] = []
    update: list[SearchDocument] = []
    for object_id, data in found.items():
        row = _row(provider.kind, data)
        current = existing.get(object_id)
        if current is None:
            create.append(row)
        elif any(getattr(current, name) != getattr(row, name) for name in FIELDS):
            for name in FIELDS:
                setattr(current, name, getattr(row, name))
            update.append(current)
    return create, update


def _stale_embeddings(
    found: dict[str, DocumentData], existing: dict[str, SearchDocument]
) -> list[str]:
    """Object ids of suggestible documents whose embedding is missing or stale."""
    stale = []
    for object_id, data in found.items():
        if not data.suggestible:
            continue
        doc = existing.get(object_id)
        if doc is None or doc.embedding_digest != text_digest(
            data.title[:TITLE_MAX], data.body[:BODY_MAX]
        ):
            stale.append(object_id)
    return stale


def _write(
    provider: Provider, found: dict[str, DocumentData], existing: dict[str, SearchDocument]
) -> list[int]:
    """Insert new and update changed documents; return the ids of documents
    to embed."""
    create, update = _changes(provider, found, existing)
    if create:
        SearchDocument.objects.bulk_create(create, batch_size=500)
    if update:
        SearchDocument.objects.bulk_update(update, [*FIELDS, "updated_at"], batch_size=500)
    backend = get_backend()
    if create or update:
        rarity.forget()
    if (create or update) and not isinstance(backend, DatabaseBackend):
        changed = [row.object_id for row in create + update]
        backend.documents_changed(
            SearchDocument.objects.filter(kind=provider.kind, object_id__in=changed).values_list(
                "pk", flat=True
            )
        )
    stale = _stale_embeddings(found, existing)
    if not stale:
        return []
    return list(
        SearchDocument.objects.filter(kind=provider.kind, object_id__in=stale).values_list(
            "pk", flat=True
        )
    )


def _delete(kind: str, object_ids: list[str]) -> None:
    for start in range(0, len(object_ids), 500):
        rows = SearchDocument.objects.filter(
            kind=kind, object_id__in=object_ids[start : start + 500]
        )
        get_backend().documents_deleted(rows.values_list("pk", flat=True))
        rows.delete()
    rarity.forget()


def _enqueue_embeddings(document_ids: list[int]) -> None:
    if not document_ids:
        return
    from ikone.core.search.tasks import embed_documents

    transaction.on_commit(lambda: embed_documents.enqueue(document_ids))


@transaction.atomic
def index_objects(kind: str, object_ids: Iterable[Any]) -> int:
    """Bring the documents of these objects up to date; returns how many exist now."""
    provider = registry.get(kind)
    if provider is None:
        return 0
    ids = {str(pk) for pk in object_ids}
    objects = provider.objects()
    if objects is None or not ids:
        return 0
    found = _documents(provider, objects.filter(pk__in=ids))
    existing = {
        doc.object_id: doc
        for doc in SearchDocument.objects.filter(_of_objects(provider, ids)).defer("embedding")
    }
    _delete(kind, [object_id for object_id in existing if object_id not in found])
    _enqueue_embeddings(_write(provider, found, existing))
    return len(found)


def rebuild(kinds: Iterable[str] | None = None, *, chunk: int = 2000) -> dict[str, int]:
    """Reconcile the index with the database, kind by kind."""
    wanted = set(kinds) if kinds else None
    counts: dict[str, int] = {}
    known = []
    for provider in registry.providers():
        known.append(provider.kind)
        if wanted is not None and provider.kind not in wanted:
            continue
        counts[provider.kind] = _rebuild_kind(provider, chunk=chunk)
    if wanted is None:
        # Kinds whose provider or model disappeared.
        SearchDocument.objects.exclude(kind__in=known).delete()
    return counts


@transaction.atomic
def _rebuild_kind(provider: Provider, *, chunk: int) -> int:
    objects = provider.objects()
    if objects is None:
        return 0
    found = _documents(provider, objects.iterator(chunk_size=chunk))
    existing = {
        doc.object_id: doc
        for doc in SearchDocument.objects.filter(kind=provider.kind).defer("embedding")
    }
    _delete(provider.kind, [object_id for object_id in existing if object_id not in found])
    _enqueue_embeddings(_write(provider, found, existing))
    return len(found)
