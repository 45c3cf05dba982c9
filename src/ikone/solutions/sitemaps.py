"""The solutions' section of /sitemap.xml: every published profile (drafts,
submitted and returned profiles are their organisation's and the
coordinators' business only)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from ikone.core.seo.sitemaps import BilingualSitemap
from ikone.solutions.models import ReviewState, Solution


class SolutionSitemap(BilingualSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[Solution]:
        return (
            Solution.objects.filter(review_state=ReviewState.PUBLISHED)
            .order_by("pk")
            .only("slug", "updated_at")
        )

    def lastmod(self, item: Solution) -> datetime:
        return item.updated_at
