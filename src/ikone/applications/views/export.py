"""/bewerbungen/<id>/export.pdf and export.docx: the draft as a document.

Whoever may read the draft may download it (same check as the draft page).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from ikone.applications import selectors
from ikone.applications.export.content import build_export
from ikone.applications.export.word import render_docx
from ikone.applications.models import Draft
from ikone.core.ratelimit import ANY_METHOD, ratelimit

# Rendering a draft costs up to a second of CPU: both formats share one budget.
EXPORT_RATE = "20/h,100/d"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(draft: Draft, content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = slugify(draft.title)[:80] or f"bewerbung-{draft.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@ratelimit(scope="applications.export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
@require_safe
def export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as a tagged PDF with title page, contents and page numbers."""
    # WeasyPrint loads Pango and fonts on import: only when a PDF is asked for.
    from ikone.applications.export.pdf import render_pdf

    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    return _download(draft, render_pdf(build_export(draft)), "application/pdf", "pdf")


@login_required
@ratelimit(scope="applications.export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
@require_safe
def export_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft as an editable Word document."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    return _download(draft, render_docx(build_export(draft)), DOCX_TYPE, "docx")
