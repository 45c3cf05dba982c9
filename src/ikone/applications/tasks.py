"""Background work of the application workshop: making a draft's PDF or
DOCX export (asked for by `services.exports.export_request`).

A worker claims the export with a conditional UPDATE (pending → running),
so two workers never make the same file. Rendering a long draft takes
seconds (WeasyPrint), which is why it never runs on the request path in
production (the database task backend, docs/adr/0001).
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django_tasks import task

from ikone.applications.models import DraftExport, ExportFormat, ExportState

logger = logging.getLogger(__name__)


def _render(export: DraftExport) -> bytes:
    from ikone.applications.export.content import build_export
    from ikone.applications.export.word import render_docx

    # The export is a German document whoever asked for it.
    with translation.override("de"):
        document = build_export(export.draft)
        if export.format == ExportFormat.PDF:
            # WeasyPrint loads Pango and fonts on import: only when a PDF is made.
            from ikone.applications.export.pdf import render_pdf

            return render_pdf(document)
        return render_docx(document)


@task()
def render_export(export_id: int) -> None:
    """Make the file of one export, once. On failure the export says so and
    can be asked for again; the error goes to the log, not to the page."""
    claimed = DraftExport.objects.filter(pk=export_id, state=ExportState.PENDING).update(
        state=ExportState.RUNNING
    )
    if not claimed:
        return
    export = DraftExport.objects.select_related("draft__organization", "draft__call").get(
        pk=export_id
    )
    try:
        content = _render(export)
    except Exception:
        logger.exception("Export %s of draft %s failed", export.pk, export.draft_id)
        DraftExport.objects.filter(pk=export_id).update(
            state=ExportState.FAILED,
            error=gettext("Die Datei konnte nicht erstellt werden."),
            finished_at=timezone.now(),
        )
        return
    name = f"{slugify(export.draft.title)[:80] or 'bewerbung'}.{export.format}"
    export.file.save(name, ContentFile(content), save=False)
    stored = DraftExport.objects.filter(pk=export_id, state=ExportState.RUNNING).update(
        file=export.file.name, state=ExportState.DONE, finished_at=timezone.now()
    )
    if not stored and export.file.name:  # replaced by a newer one meanwhile: no orphan
        export.file.storage.delete(export.file.name)
