"""Documents and images of a profile, checked by the upload validator."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require
from ikone.core.uploads import IMAGE_TYPES, detect_file_type
from ikone.solutions import permissions
from ikone.solutions.exceptions import SolutionError
from ikone.solutions.forms import UPLOAD
from ikone.solutions.models import Solution, SolutionDocument


@transaction.atomic
def solution_document_add(
    *, solution: Solution, title: str, file: UploadedFile, alt_text: str, actor: Actor
) -> SolutionDocument:
    """Attach a document or image. The file is checked again (type from its
    bytes, size); an image without alternative text is refused."""
    require(permissions.can_edit_solution(actor.user, solution))
    UPLOAD(file)
    file.seek(0)
    kind = detect_file_type(file.file, file.name or "")  # type: ignore[arg-type]
    file.seek(0)
    is_image = kind in IMAGE_TYPES
    if is_image and not alt_text.strip():
        raise SolutionError(_("Bitte beschreiben Sie im Alternativtext, was das Bild zeigt."))
    document = SolutionDocument.objects.create(
        solution=solution,
        title=title.strip(),
        file=file,
        is_image=is_image,
        alt_text=alt_text.strip(),
    )
    audit.record(actor, "solutions.solutiondocument.added", target=document)
    return document
