"""The call's required documents as a checklist per draft, with uploads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.core.files import remove_files_on_delete


class DocumentStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    AVAILABLE = "available", _("liegt vor")


def document_upload_to(instance: DraftDocument, filename: str) -> str:
    # The stored name never reaches a URL: downloads go through a checked view.
    return f"applications/{instance.draft_id}/documents/{filename}"


class DraftDocument(models.Model):
    """One required document of the call for one draft. Uploads are checked
    by `forms.DOCUMENT_UPLOAD` (a `core.uploads.UploadValidator`) in the form
    and again in the service."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    required_document = models.ForeignKey(
        "calls.RequiredDocument",
        verbose_name=_("geforderte Unterlage"),
        # Editing the call never deletes an organisation's work: an item in
        # use is retired instead (ikone.calls.items).
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.OPEN
    )
    file = models.FileField(_("Datei"), upload_to=document_upload_to, blank=True)
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    note = models.CharField(_("Notiz"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("hochgeladen am"), null=True, blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Unterlage")
        verbose_name_plural = _("Unterlagen")
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "required_document"], name="draft_document_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft} – {self.required_document}"


remove_files_on_delete(DraftDocument, "file")
