"""The organisations' section of /sitemap.xml (organisation pages are public)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from ikone.accounts.models import Organization
from ikone.core.seo.sitemaps import BilingualSitemap


class OrganizationSitemap(BilingualSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet[Organization]:
        return Organization.objects.order_by("pk").only("slug", "updated_at")

    def lastmod(self, item: Organization) -> datetime:
        return item.updated_at
