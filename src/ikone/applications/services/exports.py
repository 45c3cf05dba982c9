"""Asking for a PDF or DOCX export of a draft. The request path only
records the wish and enqueues `tasks.render_export`; the file is made in the
background and served again while the draft is unchanged (same
fingerprint)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from ikone.accounts.models import User
from ikone.applications import permissions
from ikone.applications.export.fingerprint import draft_fingerprint
from ikone.applications.models import Draft, DraftExport, ExportFormat, ExportState
from ikone.core.audit import Actor
from ikone.core.services import on_commit_enqueue, require, require_user


def export_request(*, draft: Draft, format: str, actor: Actor) -> DraftExport:
    """The export of the draft's current state in `format`: the existing
    one if it is ready or being made, else a new one that a background task
    makes (a failed one, or one lost for `STALE_AFTER`, is tried again). Older exports of the same format
    are removed (their files after commit). Whoever may read the draft may
    ask (PermissionDenied otherwise); raises ValueError for an unknown
    format. Safe against two requests at once (unique state per draft and
    format)."""
    user: User = require_user(actor)
    require(permissions.can_view_draft(user, draft))
    if format not in ExportFormat.values:
        raise ValueError(format)
    fingerprint = draft_fingerprint(draft)
    export = _existing_or_new(draft, format, fingerprint, user)
    if export.state == ExportState.FAILED or export.stale:
        # Conditional on the state seen, so two retries enqueue once.
        retried = DraftExport.objects.filter(pk=export.pk, state=export.state).update(
            state=ExportState.PENDING, error="", requested_by=user, created_at=timezone.now()
        )
        if retried:
            export.refresh_from_db()
            _enqueue(export)
    return export


def _existing_or_new(draft: Draft, format: str, fingerprint: str, user: User) -> DraftExport:
    existing = DraftExport.objects.filter(
        draft=draft, format=format, fingerprint=fingerprint
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            export = DraftExport.objects.create(
                draft=draft, format=format, fingerprint=fingerprint, requested_by=user
            )
            # Earlier states of the draft are outdated for good.
            for old in DraftExport.objects.filter(draft=draft, format=format).exclude(
                pk=export.pk
            ):
                old.delete()
    except IntegrityError:  # a colleague asked at the same moment
        return DraftExport.objects.get(draft=draft, format=format, fingerprint=fingerprint)
    _enqueue(export)
    return export


def _enqueue(export: DraftExport) -> None:
    from ikone.applications.tasks import render_export

    on_commit_enqueue(render_export, export.pk)
