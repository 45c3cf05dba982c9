"""A draft's life beyond writing: renaming it, the trash (delete, restore,
purge after `TRASH_DAYS`), taking a submitted draft back into editing and
removing an uploaded file.

Deleting only moves a draft to the trash (`deleted_at`); the default
manager `Draft.objects` no longer returns it, so it disappears from every
list, search and mail at once while its sections, uploads and history stay
until `draft_purge_trash` deletes it for good.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.applications import notifications, permissions, workflow
from ikone.applications.exceptions import DraftError, DraftVersionConflict
from ikone.applications.models import DocumentStatus, Draft, DraftDocument
from ikone.applications.models.drafts import TRASH_DAYS
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.files import delete_after_commit
from ikone.core.services import require, require_user


@transaction.atomic
def draft_rename(*, draft: Draft, title: str, based_on: int, actor: Actor) -> Draft:
    """Give the draft a new title unless someone changed the draft since
    version `based_on` (conditional UPDATE on `version`).

    Raises DraftVersionConflict instead of overwriting, ValidationError
    for an empty or too long title, PermissionDenied unless the person
    belongs to the organisation."""
    user = require_user(actor)
    require(permissions.can_rename_draft(user, draft))
    draft.title = title.strip()
    draft.full_clean(validate_unique=False, validate_constraints=False)
    changed = Draft.objects.filter(pk=draft.pk, version=based_on).update(
        title=draft.title, version=F("version") + 1, updated_at=timezone.now()
    )
    if not changed:
        raise DraftVersionConflict(
            _("Jemand hat den Entwurf inzwischen geändert. Bitte prüfen Sie den Titel erneut.")
        )
    draft.refresh_from_db(fields=["title", "version", "updated_at"])
    audit.record(actor, "applications.draft.renamed", target=draft, data={"fields": ["title"]})
    return draft


@transaction.atomic
def draft_delete(*, draft: Draft, actor: Actor) -> Draft:
    """Move the draft to the trash; it can be restored for `TRASH_DAYS` days.

    Only an Ansprechperson of the organisation may (PermissionDenied
    otherwise). Nothing is removed yet: sections, uploads and history stay
    until the purge."""
    user = require_user(actor)
    require(permissions.can_delete_draft(user, draft))
    now = timezone.now()
    changed = Draft.objects.filter(pk=draft.pk).update(deleted_at=now, deleted_by=user)
    if not changed:
        raise DraftError(_("Der Entwurf ist bereits im Papierkorb."))
    draft.deleted_at, draft.deleted_by = now, user
    audit.record(actor, "applications.draft.deleted", target=draft)
    mail.notify(notifications.DRAFT_TRASHED, draft.pk, user.pk)
    return draft


@transaction.atomic
def draft_restore(*, draft: Draft, actor: Actor) -> Draft:
    """Take a draft out of the trash (an Ansprechperson of its organisation).

    Raises DraftError when it is not in the trash (restored by someone
    else, or already purged)."""
    user = require_user(actor)
    require(permissions.can_delete_draft(user, draft))
    changed = Draft.all_objects.filter(pk=draft.pk, deleted_at__isnull=False).update(
        deleted_at=None, deleted_by=None, updated_at=timezone.now()
    )
    if not changed:
        raise DraftError(_("Der Entwurf ist nicht im Papierkorb."))
    draft.deleted_at = draft.deleted_by = None
    audit.record(actor, "applications.draft.restored", target=draft)
    return draft


def draft_purge_trash(*, now=None, dry_run: bool = False) -> list[int]:
    """Delete for good every draft that has been in the trash for longer
    than `TRASH_DAYS` days (with sections, history, uploads and their files,
    which go after commit). Returns the ids; `dry_run` only lists them.
    Run daily (docs/applications.md)."""
    cutoff = (now or timezone.now()) - timedelta(days=TRASH_DAYS)
    expired = Draft.all_objects.filter(deleted_at__lt=cutoff)
    ids = sorted(expired.values_list("pk", flat=True))
    if dry_run or not ids:
        return ids
    with transaction.atomic():
        for pk in ids:
            audit.record(
                Actor.system(),
                "applications.draft.purged",
                data={"draft": pk, "days": TRASH_DAYS},
            )
        Draft.all_objects.filter(pk__in=ids).delete()
    return ids


@transaction.atomic
def draft_reopen(*, draft: Draft, actor: Actor) -> Draft:
    """Take a submitted draft back into editing (status "Entwurf").

    An Ansprechperson of the organisation or a coordinator the draft is
    shared with decides it; the audit log keeps who and from which status
    (the submission date is cleared until the next submission), and
    everyone involved is told by e-mail. Locks the row. Raises
    DraftError unless the draft is submitted."""
    user = require_user(actor)
    require(permissions.can_reopen_draft(user, draft))
    locked = Draft.objects.select_for_update().get(pk=draft.pk)
    new_status = workflow.REOPEN_SUBMITTED.get(locked.status)
    if new_status is None:
        raise DraftError(
            _("Nur eingereichte Entwürfe können wieder geöffnet werden (Status: „%(status)s“).")
            % {"status": locked.get_status_display()}
        )
    old_status = locked.status
    locked.status = new_status
    locked.submitted_on = None  # set again by the next submission
    locked.version = F("version") + 1
    locked.save(update_fields=["status", "submitted_on", "version", "updated_at"])
    locked.refresh_from_db()
    audit.record(
        actor,
        "applications.draft.reopened",
        target=locked,
        data={"from": old_status, "to": new_status},
    )
    mail.notify(notifications.STATUS, locked.pk, user.pk)
    return locked


@transaction.atomic
def document_file_remove(*, document: DraftDocument, actor: Actor) -> DraftDocument:
    """Remove the uploaded file of a required document (the file goes after
    commit). A document that "liegt vor" goes back to "in Arbeit", since
    that status needs a file. Locks the row."""
    user = require_user(actor)
    require(permissions.can_manage_draft(user, document.draft))
    locked = DraftDocument.objects.select_for_update().get(pk=document.pk)
    if not locked.file:
        raise DraftError(_("Zu dieser Unterlage ist keine Datei hochgeladen."))
    delete_after_commit(locked.file)
    locked.file = ""  # type: ignore[assignment]
    locked.original_name = ""
    locked.uploaded_by = None
    locked.uploaded_at = None
    if locked.status == DocumentStatus.AVAILABLE:
        locked.status = DocumentStatus.IN_PROGRESS
    locked.save()
    audit.record(actor, "applications.document.file_removed", target=locked)
    return locked
