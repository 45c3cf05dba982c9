"""The knowledge base's platform views: the list at /wissen/ (articles
themselves are Wagtail pages below it) and attachment downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ikone.accounts.permissions import is_network_coordinator
from ikone.accounts.visibility import Viewer
from ikone.core import article_sources, htmx
from ikone.core.audit import Actor
from ikone.core.pagecache import memo
from ikone.knowledge import selectors_articles as selectors
from ikone.knowledge.forms import ArticleFilterForm
from ikone.knowledge.list_rows import PAGE_SIZE, article_results
from ikone.knowledge.permissions import viewer_of_request
from ikone.knowledge.services_drafts import experience_report_from_source

LIST_TEMPLATE = "knowledge/article_list.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
CONTENT_MEMO_PREFIX = "knowledge:list-content:v2"


@require_safe
def article_list(request: HttpRequest) -> HttpResponse:
    """Articles with filters, search and pages; htmx gets the results only.

    The page below the layout (or, for htmx, its results) is a memo (ADR
    0006, issue 15) keyed by the person's search audience (what they may
    see: all, scopes, organisations, person), whether the coordinators' link
    shows, the query string (filters, search, page), the part shown and the
    host; the inner memos (count and cards per scopes, filter choices,
    intro) note their tables, so a new, changed or unpublished article
    outdates it at once."""
    viewer = viewer_of_request(request)
    wants_fragment = htmx.wants_fragment(request)
    user = request.user
    audience = viewer.audience
    parts = (
        (
            audience.sees_all,
            sorted(audience.scopes),
            sorted(audience.organization_ids),
            audience.user_id,
            audience.is_coordinator,
        ),
        bool(getattr(user, "is_coordinator", False) or getattr(user, "is_superuser", False)),
        sorted(request.GET.lists()),
        wants_fragment,
        bool(getattr(request, "htmx", None)),
        request.get_host(),
    )
    part = "results" if wants_fragment else "content"
    content = memo.content(
        request,
        LIST_TEMPLATE,
        lambda _token: _list_context(request, viewer, part),
        CONTENT_MEMO_PREFIX,
        parts,
        part=part,
    )
    return htmx.part_or_page(request, LIST_TEMPLATE, content, fragment=wants_fragment)


def _list_context(request: HttpRequest, viewer: Viewer, part: str) -> dict[str, object]:
    form = ArticleFilterForm(request.GET, choices=selectors.filter_choices())
    filters = form.to_filters()
    results = article_results(
        viewer=viewer, filters=filters, page=request.GET.get("seite") or "", request=request
    )
    # The memo holds the count and the cards. The page's articles stay an
    # unevaluated query (the template asks the count, not the rows).
    paginator = Paginator(selectors.article_list(viewer=viewer, filters=filters), PAGE_SIZE)
    paginator.count = results.count  # type: ignore[misc]
    page = paginator.page(results.number)
    return {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "paginator": paginator,
        "rows": results.rows,
        "index_intro": "" if part == "results" else selectors.index_intro(),
    }


@require_safe
def attachment_download(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """The file of an attachment, for those who may see it; visitors are
    asked to sign in first."""
    viewer = viewer_of_request(request)
    try:
        attachment = selectors.attachment_get_for_download(viewer=viewer, slug=slug, pk=pk)
    except Http404:
        if not viewer.signed_in:
            return redirect_to_login(request.get_full_path())
        raise
    document = attachment.document
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def report_from_event(request: HttpRequest) -> HttpResponse:
    """Coordinators: choose a past workshop; its materials become an
    Erfahrungsbericht draft, which opens in the CMS editor."""
    if not is_network_coordinator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        source = article_sources.get(f"event:{request.POST.get('veranstaltung', '')}")
        if source is None:
            messages.error(request, _("Bitte wählen Sie eine vergangene Veranstaltung."))
        else:
            page = experience_report_from_source(source=source, actor=Actor.from_request(request))
            messages.success(request, _("Entwurf angelegt. Ergänzen und zur Freigabe einreichen."))
            return redirect("wagtailadmin_pages:edit", page.pk)
    provider = article_sources.PROVIDERS.get("event")
    return render(
        request,
        "knowledge/report_from_event.html",
        {"events": provider.choices() if provider else []},
    )
