"""Municipalities an organisation can still be registered for."""

from __future__ import annotations

from django.http import Http404

from ikone.municipalities.models import Level, Municipality
from ikone.municipalities.search import fold

MUNICIPALITY_SEARCH_LIMIT = 20
KREISFREI_DISTRICT_TYPES = ("41", "42")  # kreisfreie Stadt, Stadtkreis


def fold_search_text(text: str) -> str:
    """Fold a query exactly like `Municipality.search_name` is folded."""
    return fold(text)


# --- Municipalities without an organisation ------------------------------------


def municipality_search_without_organization(*, query: str) -> list[Municipality]:
    """Districts, associations and municipalities whose name matches and which
    have no organisation yet (at most MUNICIPALITY_SEARCH_LIMIT)."""
    folded = fold_search_text(query)
    if len(folded) < 2:
        return []
    return list(
        Municipality.objects.exclude(level=Level.STATE)
        # A kreisfreie Stadt is listed once, as the Gemeinde, not again as its Kreis.
        .exclude(level=Level.DISTRICT, type_code__in=KREISFREI_DISTRICT_TYPES)
        .filter(search_name__contains=folded, organizations__isnull=True)
        .select_related("district", "state")
        .order_by("search_name", "ags")[:MUNICIPALITY_SEARCH_LIMIT]
    )


def municipality_get_for_new_organization(*, ags: str) -> Municipality:
    """The municipality an organisation is about to be registered for (Http404 if unknown)."""
    municipality = (
        Municipality.objects.exclude(level=Level.STATE)
        .select_related("district", "state")
        .filter(ags=ags)
        .first()
    )
    if municipality is None:
        raise Http404
    return municipality
