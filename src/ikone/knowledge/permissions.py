"""Who may read the knowledge base's articles and download their attachments
(the rule itself is `accounts.visibility`, see docs/visibility.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts.visibility import Viewer, can_view_scope, viewer_of_request

if TYPE_CHECKING:
    from ikone.knowledge.models import ArticleAttachment, ArticlePage

__all__ = ["can_download_attachment", "can_view_article", "viewer_of_request"]


def can_view_article(viewer: Viewer, article: ArticlePage) -> bool:
    """Public articles for everyone, network articles for the network."""
    return can_view_scope(viewer, article.visibility)


def can_download_attachment(viewer: Viewer, attachment: ArticleAttachment) -> bool:
    """The article and the attachment must both be visible: a public file of
    a network article is a network file."""
    if not can_view_article(viewer, attachment.page):
        return False
    return can_view_scope(viewer, attachment.visibility)
