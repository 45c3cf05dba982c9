"""A draft's PDF or DOCX export, made by a background task and kept while
the draft is unchanged."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ikone.core.files import remove_files_on_delete

# A file not made within this time counts as lost (a worker stopped): the
# page offers to try again instead of waiting for ever.
STALE_AFTER = timedelta(minutes=10)


class ExportFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word-Dokument (DOCX)")


class ExportState(models.TextChoices):
    PENDING = "pending", _("wartet auf die Erstellung")
    RUNNING = "running", _("wird erstellt")
    DONE = "done", _("fertig")
    FAILED = "failed", _("fehlgeschlagen")


def export_upload_to(instance: DraftExport, filename: str) -> str:
    # Served only through the checked download view, never by URL.
    return f"applications/{instance.draft_id}/exports/{filename}"


class DraftExport(models.Model):
    """One export of a draft in one format for one state of the draft.

    `fingerprint` summarises everything the export shows
    (`applications.export.fingerprint`); while it matches the draft's
    current one, the file is served again instead of being made anew. The
    request path only creates this row and enqueues
    `tasks.render_export`; the task moves `state` from pending to running
    to done (or failed) and stores the file."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    format = models.CharField(_("Format"), max_length=10, choices=ExportFormat.choices)
    fingerprint = models.CharField(_("Stand des Entwurfs"), max_length=64)
    state = models.CharField(
        _("Zustand"), max_length=10, choices=ExportState.choices, default=ExportState.PENDING
    )
    file = models.FileField(_("Datei"), upload_to=export_upload_to, blank=True)
    error = models.CharField(_("Fehler"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angefordert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angefordert am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("fertig am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Export")
        verbose_name_plural = _("Exporte")
        ordering = ["draft", "format", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "format", "fingerprint"], name="draft_export_unique_state"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft_id} {self.format} {self.state}"

    @property
    def in_progress(self) -> bool:
        """Asked for and still expected (not stale)."""
        return self.state in (ExportState.PENDING, ExportState.RUNNING) and not self.stale

    @property
    def stale(self) -> bool:
        """Pending or running for longer than `STALE_AFTER` (`created_at`
        is reset on every new attempt)."""
        waiting = self.state in (ExportState.PENDING, ExportState.RUNNING)
        return waiting and self.created_at < timezone.now() - STALE_AFTER


remove_files_on_delete(DraftExport, "file")
