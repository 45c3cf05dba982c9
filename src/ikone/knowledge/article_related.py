"""What an article page shows around its own text, read once and cached.

An article names its authors, fields of action, calls, interpreted
sections, attachments, related links and the "Auslegung prüfen" flag:
eight reads that are the same for every reader. They are read together
into plain values (`ArticleRelated`) and cached per article and language
(the links are language-dependent), so that a page view costs Wagtail's
routing, the reader's membership and one query for the related content
the reader may find (issue 13: ≤ 12 queries per article page).

The entry is a memo (`ikone.core.pagecache.memo`): valid while none of the
tables it was read from changed, so a renamed organisation or document
shows at once, and a cached anonymous page that reused it learns those
tables too. It is also cleared when the article is published or
unpublished, when its flag is set (signals.py, services_review.py) and when
a call it interprets gets a new version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from ikone.accounts.visibility import Viewer, can_view_scope
from ikone.core.pagecache import memo
from ikone.knowledge.models import ArticlePage, ArticleReview

CACHE_SECONDS = 3600
CACHE_VERSION = 1


@dataclass(frozen=True)
class Named:
    """An author organisation, field of action or call: its name and where
    it leads."""

    name: str
    url: str = ""
    key: str = ""


@dataclass(frozen=True)
class SectionRef:
    number: str
    title: str
    url: str
    call_title: str
    version_number: int


@dataclass(frozen=True)
class AttachmentRef:
    pk: int
    title: str
    extension: str
    visibility: str


@dataclass(frozen=True)
class ArticleRelated:
    organizations: list[Named] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    fields: list[Named] = field(default_factory=list)
    calls: list[Named] = field(default_factory=list)
    sections: list[SectionRef] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)
    link_urls: list[str] = field(default_factory=list)
    review_numbers: list[str] = field(default_factory=list)

    def attachments_for(self, viewer: Viewer) -> list[AttachmentRef]:
        """The attachments the person may download (the article's own
        visibility was checked before the page was served)."""
        return [item for item in self.attachments if can_view_scope(viewer, item.visibility)]


def _cache_key(article_id: int, language: str) -> str:
    return f"ikone:knowledge:article-related:v{CACHE_VERSION}:{article_id}:{language}"


def _read(page: ArticlePage) -> ArticleRelated:
    """Eight small queries, each independent of how much is attached."""
    sections = page.interpreted_sections.select_related("version__call").order_by("position")
    review = ArticleReview.objects.filter(article=page, needs_review=True).first()
    return ArticleRelated(
        organizations=[
            Named(organization.name, organization.get_absolute_url())
            for organization in page.author_organizations.order_by("name")
        ],
        people=[
            person.name or person.email
            for person in page.author_people.order_by("name").only("name", "email")
        ],
        fields=[
            Named(label, key=key)
            for key, label in page.fields_of_action.order_by("position").values_list(
                "key", "label"
            )
        ],
        calls=[
            Named(title, key=slug)
            for slug, title in page.calls.order_by("-deadline").values_list("slug", "title")
        ],
        sections=[
            SectionRef(
                section.number,
                section.title,
                section.get_absolute_url(),
                section.version.call.title,
                section.version.number,
            )
            for section in sections
        ],
        attachments=[
            AttachmentRef(
                attachment.pk,
                attachment.document.title,
                attachment.document.file_extension,
                attachment.visibility,
            )
            for attachment in page.attachments.select_related("document")
        ],
        link_urls=[link.url for link in page.links.all()],
        review_numbers=list(review.review_numbers) if review else [],
    )


def article_related(page: ArticlePage, *, cached: bool = True) -> ArticleRelated:
    """The article's related items in the active language (cached). A
    preview (`cached=False`) reads the revision's own values and leaves the
    cache alone: it shows what the editor is about to publish."""
    if not cached:
        return _read(page)
    key = _cache_key(page.pk, get_language() or settings.LANGUAGE_CODE)
    return memo.get_or_compute(key, lambda: _read(page), CACHE_SECONDS)


def article_related_clear(article_ids: list[int]) -> None:
    """Forget the cached related items of these articles now and again once
    the current transaction commits (a reader in between would have cached
    the old state)."""
    keys = [
        memo.KEY_PREFIX + _cache_key(article_id, language)
        for article_id in article_ids
        for language, _name in settings.LANGUAGES
    ]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
