"""The events' section of /sitemap.xml: published and cancelled events (a
cancelled one keeps its page so that shared links explain what happened)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from ikone.core.seo.sitemaps import BilingualSitemap
from ikone.events.models import Event
from ikone.events.selectors import event_queryset_public


class EventSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self) -> QuerySet[Event]:
        return event_queryset_public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Event) -> datetime:
        return item.updated_at
