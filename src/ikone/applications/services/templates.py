"""Filling a Vorlage of the knowledge base from a draft (through
`core.document_templates`): the municipality, the call and the own share
go into the template's placeholders, and the filled DOCX becomes the file
of one of the draft's required documents."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from ikone.applications import permissions
from ikone.applications.exceptions import DraftError
from ikone.applications.financing import format_eur, format_percent
from ikone.applications.models import DocumentStatus, Draft, DraftDocument
from ikone.applications.selectors_plan import financing_overview
from ikone.applications.services.checklist import document_update
from ikone.calls.models import RequiredDocument
from ikone.core import document_templates
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date, format_date
from ikone.core.services import require, require_user

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def template_values(*, draft: Draft) -> dict[str, str]:
    """The placeholders a template may use, from the draft."""
    summary = financing_overview(draft=draft).summary
    own = format_eur(summary.own)
    if summary.total:
        share = (summary.own * 100 / summary.total).quantize(Decimal("0.1"))
        own = f"{own} ({format_percent(share)})"
    return {
        "gemeinde": draft.organization.name,
        "organisation": draft.organization.name,
        "aufruf": draft.call.title,
        "vorhaben": draft.title,
        "eigenanteil": own,
        "gesamtkosten": format_eur(summary.total),
        "datum": format_date(berlin_date()),
    }


@transaction.atomic
def document_fill_from_template(
    *, draft: Draft, required: RequiredDocument, template_key: str, actor: Actor
) -> DraftDocument:
    """Fill the template from the draft and keep it as the required
    document's file ("in Arbeit": it still needs the council's signature).
    Raises DraftError for an unknown template."""
    user = require_user(actor)
    require(permissions.can_manage_draft(user, draft))
    filled = document_templates.fill(template_key, template_values(draft=draft))
    if filled is None:
        raise DraftError(_("Diese Vorlage gibt es nicht (mehr)."))
    existing = DraftDocument.objects.filter(draft=draft, required_document=required).first()
    return document_update(
        draft=draft,
        required=required,
        status=DocumentStatus.IN_PROGRESS,
        note=existing.note if existing else "",
        file=SimpleUploadedFile(filled.filename, filled.content, content_type=DOCX),
        actor=actor,
    )


def templates_for(
    required: RequiredDocument, templates: list[document_templates.DocumentTemplate]
) -> list[document_templates.DocumentTemplate]:
    """Of `templates` (`document_templates.all_templates()`, read once per
    page), those whose title names the required document (e.g. the
    "Muster-Ratsbeschluss" for "Ratsbeschluss")."""
    title = required.title.lower()
    return [
        template
        for template in templates
        if title in template.title.lower() or template.title.lower() in title
    ]
