"""The calls' section of /sitemap.xml (calls are public)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from ikone.calls.models import Call
from ikone.core.seo.sitemaps import BilingualSitemap


class CallSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> QuerySet[Call]:
        return Call.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Call) -> datetime:
        return item.updated_at
