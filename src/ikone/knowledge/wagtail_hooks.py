"""Wagtail hooks: documents attached to network-only articles are served
through /dokumente/ only to the network (the same rule as the article's
own download link)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks

from ikone.knowledge.permissions import viewer_of_request
from ikone.knowledge.selectors_articles import may_download_document


@hooks.register("before_serve_document")
def check_document_visibility(document: Any, request: HttpRequest) -> HttpResponse | None:
    viewer = viewer_of_request(request)
    if may_download_document(viewer, document.pk):
        return None
    if not viewer.signed_in:
        return redirect_to_login(request.get_full_path())
    raise Http404


@hooks.register("before_edit_page")
def warn_about_changed_sections(request: HttpRequest, page: Any) -> None:
    """Editors see the "Auslegung prüfen" flag where they fix it; publishing
    the article again clears it (services_review)."""
    from django.contrib import messages
    from django.utils.translation import gettext as _

    from ikone.knowledge.models import ArticlePage, ArticleReview

    if not isinstance(page, ArticlePage):
        return
    review = ArticleReview.objects.filter(article_id=page.pk, needs_review=True).first()
    if review is not None:
        messages.warning(
            request,
            _(
                "Auslegung prüfen: Eine neue Fassung des Förderaufrufs hat Abschnitt %(numbers)s "
                "geändert. Prüfen Sie den Text, stellen Sie die ausgelegten Abschnitte auf die neue "
                "Fassung um und veröffentlichen Sie den Beitrag erneut."
            )
            % {"numbers": ", ".join(review.review_numbers)},
        )
