"""Knowledge articles in the site-wide search and among the suggestions
when someone asks a question (discovered by core). Only live articles are
found, network articles only by the network."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ikone.calls.passages import section_passages
from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, passage_id, register

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


def _passages(obj: Any) -> list[DocumentData]:
    """The summary and each paragraph and list item of a live article,
    labelled with the heading above it and linking to that heading's
    anchor (knowledge/blocks/heading.html); visible as the article is."""
    article = _article(obj)
    if article is None:
        return []
    found: list[tuple[str, str, str]] = []  # (heading, anchor, text)
    if obj.summary:
        found.append(("", "", obj.summary))
    heading = anchor = ""
    for block in obj.body:
        if block.block_type == "heading":
            heading, anchor = block.value["text"], slugify(block.value["text"])
        elif block.block_type == "paragraph":
            found += [(heading, anchor, text) for text in section_passages(block.value.source)]
    return [
        DocumentData(
            object_id=passage_id(obj.pk, number),
            title=f"{obj.title} – {heading}" if heading else obj.title,
            body=text,
            url=f"{article.url}#{anchor}" if anchor else article.url,
            visibility=article.visibility,
            context=article.context,
            group=article.group,
            suggestible=True,
        )
        for number, (heading, anchor, text) in enumerate(found, start=1)
    ]


register(
    Provider(
        kind="article_passage",
        label=_("Passage eines Wissensbeitrags"),
        label_plural=_("Passagen von Wissensbeiträgen"),
        model="knowledge.ArticlePage",
        document=_passages,
        queryset=lambda qs: qs.prefetch_related("calls"),
        watches=dict.fromkeys(PAGE_TYPES, _same_page),
        position=26,
        listed=False,
        passages=True,
        listed_as="article",
    )
)
