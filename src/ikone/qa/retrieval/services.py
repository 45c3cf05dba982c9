from __future__ import annotations

from typing import Any

from ikone.core.search.models import SearchDocument, SuggestionOutcome


def record_answered(*, user: Any, document_id: int | None) -> SuggestionOutcome:
    """Count that a suggestion answered someone's question before they asked."""
    document = None
    if document_id is not None:
        document = SearchDocument.objects.filter(pk=document_id, suggestible=True).first()
    return SuggestionOutcome.objects.create(
        user=user if user is not None and user.is_authenticated else None, document=document
    )


def answered_count() -> int:
    """How often a suggestion spared a question (shown to coordinators)."""
    return SuggestionOutcome.objects.count()
