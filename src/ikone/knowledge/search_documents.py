"""Knowledge articles in the site-wide search and among the suggestions
when someone asks a question (discovered by core). Only live articles are
found, network articles only by the network."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, register

PAGE_TYPES = (
    "knowledge.TipPage",
    "knowledge.ExperienceReportPage",
    "knowledge.RecommendationPage",
    "knowledge.GuidePage",
    "knowledge.TemplatePage",
)


def _article(obj: Any) -> DocumentData | None:
    if not obj.live or obj.expired:
        return None
    url = obj.get_url()
    if url is None:
        return None
    calls = list(obj.calls.all())
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=joined(obj.summary, plain(str(obj.body))),
        url=url,
        visibility=obj.visibility,
        context=joined(obj.get_kind_display(), *(call.title for call in calls)),
        group=f"call:{calls[0].pk}" if len(calls) == 1 else "",
        suggestible=True,
    )


def _same_page(page: Any) -> list[Any]:
    # Saving a TipPage sends post_save for TipPage only, not ArticlePage.
    return [page.pk]


register(
    Provider(
        kind="article",
        label=_("Wissensbeitrag"),
        label_plural=_("Wissensbeiträge"),
        model="knowledge.ArticlePage",
        document=_article,
        queryset=lambda qs: qs.prefetch_related("calls"),
        watches=dict.fromkeys(PAGE_TYPES, _same_page),
        position=25,
    )
)
