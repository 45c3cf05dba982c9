"""Cache invalidation: the footer links change when pages or sites change."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from ikone.knowledge.selectors import footer_cache_clear


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_footer_on_page_change(sender: type[Page], **kwargs: Any) -> None:
    footer_cache_clear()


@receiver(post_delete)
def clear_footer_on_page_delete(sender: type[Any], instance: object, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        footer_cache_clear()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def clear_footer_on_site_change(sender: type[Site], **kwargs: Any) -> None:
    footer_cache_clear()
