"""Cache invalidation and the articles' review flag.

The footer links change when pages or sites change; the list's filter
choices and an article's cached related items when an article is
published or unpublished. Publishing an article
clears its "Auslegung prüfen" flag (services_review)."""

from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ikone.core.search.signals import mark_changed
from ikone.core.services import Actor
from ikone.knowledge.article_related import article_related_clear
from ikone.knowledge.models import ArticlePage
from ikone.knowledge.selectors import footer_cache_clear
from ikone.knowledge.selectors_articles import filter_choices_clear
from ikone.knowledge.services import mentor_editor_grant, mentor_editor_revoke
from ikone.knowledge.services_review import article_review_clear


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_footer_on_page_change(sender: type[Page], **kwargs: Any) -> None:
    footer_cache_clear()
    filter_choices_clear()
    instance = kwargs.get("instance")
    if instance is not None:
        article_related_clear([instance.pk])


@receiver(page_published)
def article_published(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    if not isinstance(instance, ArticlePage):
        return
    revision = kwargs.get("revision")
    user = getattr(revision, "user", None)
    article_review_clear(article=instance, actor=Actor(user=user) if user else Actor.system())


@receiver(page_unpublished)
def article_unpublished(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    # Unpublishing may save a plain Page row; the index must drop the article.
    if isinstance(instance, ArticlePage):
        mark_changed("article", [instance.pk])


# Connected to Page only, never to every model: a delete receiver without a
# sender turns off Django's fast delete for all models (a draft's thousands
# of section versions would be loaded one by one). Deleting any specific
# page also deletes its Page row, which sends this signal.
@receiver(post_delete, sender=Page)
def clear_footer_on_page_delete(sender: type[Page], **kwargs: Any) -> None:
    footer_cache_clear()
    filter_choices_clear()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def mentor_editor_rights(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    """Invited mentors write knowledge articles (for moderation); dismissed
    mentors stop. Only when the role is what was saved."""
    fields = kwargs.get("update_fields")
    if kwargs.get("raw") or (fields is not None and "is_mentor" not in fields):
        return
    if instance.is_mentor:
        mentor_editor_grant(user=instance)
    else:
        mentor_editor_revoke(user=instance)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def clear_footer_on_site_change(sender: type[Site], **kwargs: Any) -> None:
    footer_cache_clear()
