"""The "Auslegung prüfen" flag of knowledge articles.

`articles_flag_for_amendment` runs inside the transaction that publishes a
new call version (`calls.signals.call_amended`); `article_review_clear`
runs when an editor publishes the article again, which is how an editor
confirms or updates the interpretation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from ikone.core import audit
from ikone.core.services import Actor
from ikone.knowledge.article_related import article_related_clear
from ikone.knowledge.models import ArticlePage, ArticleReview


@transaction.atomic
def articles_flag_for_amendment(
    *, call: Any, changed_numbers: Iterable[str], new_version_number: int
) -> int:
    """Flag every article that interprets, in a version older than the new
    one, a section of `call` whose number changed (numbers stay the same
    across versions). Locks the flags it changes; one audit entry per
    article, by the system. Returns how many articles were flagged."""
    numbers = {str(number) for number in changed_numbers}
    # Every article on this call links its sections to the call's current
    # wording, which just moved: their cached links must be read again.
    article_related_clear(
        list(
            ArticlePage.objects.filter(interpreted_sections__version__call=call)
            .values_list("pk", flat=True)
            .distinct()
        )
    )
    if not numbers:
        return 0
    hits: dict[int, set[str]] = {}
    for article_id, number in ArticlePage.objects.filter(
        interpreted_sections__version__call=call,
        interpreted_sections__version__number__lt=new_version_number,
        interpreted_sections__number__in=numbers,
    ).values_list("pk", "interpreted_sections__number"):
        hits.setdefault(article_id, set()).add(number)
    now = timezone.now()
    for article_id in sorted(hits):
        review, _created = ArticleReview.objects.select_for_update().get_or_create(
            article_id=article_id
        )
        review.needs_review = True
        review.review_numbers = sorted(set(review.review_numbers) | hits[article_id])
        review.flagged_at = now
        review.save(update_fields=["needs_review", "review_numbers", "flagged_at"])
        audit.record(
            Actor.system(),
            "knowledge.article.flagged",
            target=review.article,
            data={"sections": review.review_numbers},
        )
    return len(hits)


def article_review_clear(*, article: ArticlePage, actor: Actor) -> bool:
    """Clear the flag once the article was published again (the editor saw
    the warning in the editor and confirmed or changed the text). Returns
    whether there was a flag."""
    cleared = ArticleReview.objects.filter(article=article, needs_review=True).update(
        needs_review=False, review_numbers=[], flagged_at=None
    )
    if cleared:
        audit.record(actor, "knowledge.article.review_cleared", target=article)
    return bool(cleared)
