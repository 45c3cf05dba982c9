"""The CMS pages' section of /sitemap.xml: every live page anonymous visitors
may see (start page, public pages, and any page type added later)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from ikone.core.seo.sitemaps import BilingualSitemap


class PageSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Page]:
        # Depth 1 is the tree's invisible root; pages behind a view
        # restriction stay out.
        return Page.objects.live().public().filter(depth__gt=1).order_by("path")

    def location(self, item: Page) -> str:  # type: ignore[override]
        # Wagtail's path has no language prefix; the same page under /en/.
        parts = item.get_url_parts()
        path = parts[2] if parts else "/"
        return translate_url(path, get_language() or settings.LANGUAGE_CODE)

    def lastmod(self, item: Page) -> datetime | None:
        return item.last_published_at
