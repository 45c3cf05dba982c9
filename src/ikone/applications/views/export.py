"""/bewerbungen/<id>/export/: the draft as PDF and DOCX, made in the background.

The page shows per format whether a file of the draft's current state is
ready, being made or not asked for yet; htmx polls the status fragment while
a file is being made, and without JavaScript the page has a reload link.
Asking (POST) only enqueues; downloading (`export.pdf`, `export.docx`)
serves the made file through this permission-checked view, or leads to the
page when there is none for the current state. Whoever may read the draft
may export it (same check as the draft page).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ikone.applications import selectors
from ikone.applications.export.fingerprint import draft_fingerprint
from ikone.applications.models import Draft, DraftExport, ExportFormat, ExportState
from ikone.applications.services.exports import export_request
from ikone.core.audit import Actor
from ikone.core.ratelimit import ANY_METHOD, ratelimit

# Making a file costs up to a second of CPU in the worker: both formats
# share one budget per person (downloads of made files count too).
EXPORT_RATE = "20/h,100/d"

CONTENT_TYPES = {
    ExportFormat.PDF: "application/pdf",
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _current(draft: Draft) -> dict[str, DraftExport | None]:
    """The export of the draft's current state per format (two queries)."""
    fingerprint = draft_fingerprint(draft)
    found = {
        export.format: export
        for export in DraftExport.objects.filter(draft=draft, fingerprint=fingerprint)
    }
    return {value: found.get(value) for value in ExportFormat.values}


def _context(draft: Draft) -> dict[str, object]:
    current = _current(draft)
    rows = [
        {"format": value, "label": label, "export": current[value]}
        for value, label in ExportFormat.choices
    ]
    working = any(export is not None and export.in_progress for export in current.values())
    return {"draft": draft, "rows": rows, "working": working}


@login_required
@require_safe
def export_page(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/export/: state and downloads; the htmx poll gets
    the status fragment only."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    context = _context(draft)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "applications/export/export_page.html#status", context)
    return render(request, "applications/export/export_page.html", context)


@login_required
@ratelimit(scope="applications.export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
@require_POST
def export_create(request: HttpRequest, pk: int, export_format: str) -> HttpResponse:
    """/bewerbungen/<id>/export/<format>/: ask for a file (enqueue only)."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    if export_format not in ExportFormat.values:
        raise Http404
    export = export_request(draft=draft, format=export_format, actor=Actor.from_request(request))
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "applications/export/export_page.html#status", _context(draft))
    if export.state != ExportState.DONE:
        messages.info(request, _("Die Datei wird erstellt. Das dauert einige Sekunden."))
    return redirect("applications:export", pk=draft.pk)


def _download(request: HttpRequest, pk: int, format: str) -> HttpResponseBase:
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    export = _current(draft)[format]
    if export is None or export.state != ExportState.DONE or not export.file:
        messages.info(
            request,
            _(
                "Für den aktuellen Stand des Entwurfs gibt es noch keine Datei. Erstellen Sie sie hier."
            ),
        )
        return redirect("applications:export", pk=draft.pk)
    name = slugify(draft.title)[:80] or f"bewerbung-{draft.pk}"
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"{name}.{format}",
        content_type=CONTENT_TYPES[ExportFormat(format)],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@ratelimit(scope="applications.export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
@require_safe
def export_pdf(request: HttpRequest, pk: int) -> HttpResponseBase:
    """/bewerbungen/<id>/export.pdf: the made PDF of the current state."""
    return _download(request, pk, ExportFormat.PDF)


@login_required
@ratelimit(scope="applications.export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
@require_safe
def export_docx(request: HttpRequest, pk: int) -> HttpResponseBase:
    """/bewerbungen/<id>/export.docx: the made Word document of the current state."""
    return _download(request, pk, ExportFormat.DOCX)
