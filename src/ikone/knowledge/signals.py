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


# Connected to Page only, never to every model: a delete receiver without a
# sender turns off Django's fast delete for all models (a draft's thousands
# of section versions would be loaded one by one). Deleting any specific
# page also deletes its Page row, which sends this signal.
@receiver(post_delete, sender=Page)
def clear_footer_on_page_delete(sender: type[Page], **kwargs: Any) -> None:
    footer_cache_clear()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def clear_footer_on_site_change(sender: type[Site], **kwargs: Any) -> None:
    footer_cache_clear()
