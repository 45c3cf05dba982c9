"""The organisation's side of the criteria matrix and the documents checklist."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.applications import permissions
from ikone.applications.exceptions import DraftError
from ikone.applications.models import (
    CriterionAssessment,
    DocumentStatus,
    Draft,
    DraftDocument,
    DraftSection,
)
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.files import delete_after_commit
from ikone.core.services import require, require_user
from ikone.core.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, UploadValidator

DOCUMENT_UPLOAD = UploadValidator(allowed=DOCUMENT_TYPES + IMAGE_TYPES, max_size=20 * MB)


@transaction.atomic
def self_assessment_save(
    *,
    draft: Draft,
    criterion: EvaluationCriterion,
    sections: Iterable[DraftSection],
    score: int | None,
    note: str,
    actor: Actor,
) -> CriterionAssessment:
    """Record which sections address the criterion and the organisation's
    own assessment (0–3)."""
    user = require_user(actor)
    require(permissions.can_edit_draft(user, draft))
    if criterion.call_id != draft.call_id:
        raise DraftError(_("Das Kriterium gehört zu einem anderen Aufruf."))
    if criterion.retired:
        raise DraftError(_("Dieses Kriterium wird nicht mehr gefordert."))
    if score is not None and not 0 <= score <= 3:
        raise DraftError(_("Bitte eine Einschätzung von 0 bis 3 wählen."))
    chosen = list(sections)
    if any(section.draft_id != draft.pk for section in chosen):
        raise DraftError(_("Der Abschnitt gehört zu einem anderen Entwurf."))
    assessment, _created = CriterionAssessment.objects.get_or_create(
        draft=draft, criterion=criterion
    )
    assessment.self_score = score
    assessment.self_note = note.strip()
    assessment.save(update_fields=["self_score", "self_note", "updated_at"])
    assessment.sections.set(chosen)
    return assessment


@transaction.atomic
def document_update(
    *,
    draft: Draft,
    required: RequiredDocument,
    status: str,
    note: str,
    actor: Actor,
    file: UploadedFile | None = None,
) -> DraftDocument:
    """Set the status of a required document and, optionally, upload its
    file (checked by DOCUMENT_UPLOAD; an upload alone makes it "liegt vor").
    Raises ValidationError for a refused file."""
    user = require_user(actor)
    require(permissions.can_manage_draft(user, draft))
    if required.call_id != draft.call_id:
        raise DraftError(_("Die Unterlage gehört zu einem anderen Aufruf."))
    if required.retired:
        raise DraftError(_("Diese Unterlage wird nicht mehr gefordert."))
    if status not in DocumentStatus.values:
        raise DraftError(_("Bitte wählen Sie einen Status."))
    document, _created = DraftDocument.objects.select_for_update().get_or_create(
        draft=draft, required_document=required
    )
    if file is not None:
        DOCUMENT_UPLOAD(file)
        # The old file goes only once the new record is committed.
        delete_after_commit(document.file)
        document.original_name = (file.name or "")[:255]
        document.file.save(_safe_name(file.name or "datei"), file, save=False)
        document.uploaded_by = user
        document.uploaded_at = timezone.now()
        if status == DocumentStatus.OPEN:
            status = DocumentStatus.AVAILABLE
    if status == DocumentStatus.AVAILABLE and not document.file:
        raise ValidationError(
            _("„Liegt vor“ setzt eine hochgeladene Datei voraus."), code="file_missing"
        )
    document.status = status
    document.note = note.strip()[:500]
    document.save()
    audit.record(
        actor,
        "applications.document.updated",
        target=document,
        data={"status": status, "uploaded": file is not None},
    )
    return document


def _safe_name(name: str) -> str:
    from django.utils.text import get_valid_filename

    return get_valid_filename(name.rsplit("/", 1)[-1])[:100] or "datei"
