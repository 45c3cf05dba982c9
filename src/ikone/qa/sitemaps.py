"""The Q&A sections of /sitemap.xml: each call's FAQ page (once it has a
published entry) and the public questions that have an answer."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.db.models.functions import Greatest
from django.urls import reverse

from ikone.calls.models import Call
from ikone.core.seo.sitemaps import BilingualSitemap
from ikone.qa.models import Answer, Question


class CallFAQSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> QuerySet[Call]:
        return (
            Call.objects.filter(faq_entries__is_published=True)
            .annotate(faq_changed=Max("faq_entries__updated_at"))
            .order_by("pk")
            .only("slug")
        )

    def location(self, item: Call) -> str:  # type: ignore[override]
        return reverse("calls:faq", kwargs={"slug": item.slug})

    def lastmod(self, item: Call) -> datetime:
        return item.faq_changed  # type: ignore[attr-defined,no-any-return]


class AnsweredQuestionSitemap(BilingualSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> QuerySet[Question]:
        answered = Answer.objects.filter(question=OuterRef("pk"))
        return (
            Question.objects.public()
            .filter(Exists(answered))
            .annotate(
                changed=Greatest("updated_at", Max("answers__updated_at")),
            )
            .order_by("pk")
            .only("pk", "updated_at")
        )

    def lastmod(self, item: Question) -> datetime:
        return item.changed  # type: ignore[attr-defined,no-any-return]
