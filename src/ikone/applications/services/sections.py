"""Saving section texts without ever overwriting a colleague's save."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts.models import User
from ikone.applications import permissions
from ikone.applications.exceptions import ConflictingText, DraftError, EditConflict
from ikone.applications.models import Draft, DraftSection, SectionRevision
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require, require_user

MAX_SECTION_LENGTH = 60_000
# Autosaves closer together than this belong to one editing session.
EDITING_SESSION_GAP = timedelta(minutes=30)


def _conflict(section: DraftSection, mine: str) -> EditConflict:
    current = DraftSection.objects.select_related("updated_by").get(pk=section.pk)
    author = current.updated_by
    return EditConflict(
        mine=mine,
        theirs=ConflictingText(
            text=current.text,
            version=current.version,
            author_name=str(author) if author else _("jemand"),
            saved_at=current.updated_at,
        ),
        message=_(
            "%(person)s hat diesen Abschnitt inzwischen gespeichert. Ihr Text wurde nicht "
            "überschrieben: Führen Sie beide Fassungen zusammen."
        )
        % {"person": str(author) if author else _("Jemand")},
    )


@transaction.atomic
def section_save(
    *,
    section: DraftSection,
    text: str,
    based_on: int,
    actor: Actor,
    restored_from: int | None = None,
) -> DraftSection:
    """Save the text unless a colleague saved since version `based_on`.

    The conditional UPDATE (version = based_on) is the lock: of two saves
    based on the same version exactly one wins; the other raises
    EditConflict carrying both texts. Saving an unchanged text is a no-op.
    Every successful save writes a SectionRevision.
    """
    user = require_user(actor)
    draft: Draft = section.draft
    require(permissions.can_edit_draft(user, draft))
    text = text.replace("\r\n", "\n")
    if len(text) > MAX_SECTION_LENGTH:
        raise DraftError(
            _("Der Text ist zu lang (höchstens %(limit)s Zeichen).")
            % {"limit": f"{MAX_SECTION_LENGTH:,}".replace(",", ".")}
        )
    if based_on == section.version and text == section.text and restored_from is None:
        return section
    now = timezone.now()
    changed = DraftSection.objects.filter(pk=section.pk, version=based_on).update(
        text=text, version=F("version") + 1, updated_at=now, updated_by=user
    )
    if not changed:
        raise _conflict(section, text)
    section.refresh_from_db(fields=["text", "version", "updated_at", "updated_by"])
    continues_session = restored_from is None and _same_editing_session(
        section=section, based_on=based_on, user=user, now=now
    )
    SectionRevision.objects.create(
        section=section,
        version=section.version,
        text=text,
        author=user,
        restored_from=restored_from,
    )
    Draft.objects.filter(pk=draft.pk).update(updated_at=now)
    if not continues_session:
        audit.record(
            actor,
            "applications.section.saved",
            target=section,
            data={"version": section.version, "restored_from": restored_from},
        )
    return section


def _same_editing_session(
    *, section: DraftSection, based_on: int, user: User, now: datetime
) -> bool:
    """Whether this save continues the person's own run of autosaves: the
    version it replaces is theirs and at most EDITING_SESSION_GAP old. Such
    saves share the audit entry of the session's first save."""
    previous = SectionRevision.objects.filter(section=section, version=based_on).values_list(
        "author_id", "created_at", "restored_from"
    )
    row = previous.first()
    if row is None:
        return False
    author_id, created_at, restored = row
    return author_id == user.pk and restored is None and now - created_at <= EDITING_SESSION_GAP


def section_restore(
    *, section: DraftSection, version: int, based_on: int, actor: Actor
) -> DraftSection:
    """Make an earlier version the current text again, as a new version.
    Raises EditConflict like `section_save` when someone saved meanwhile."""
    revision = SectionRevision.objects.filter(section=section, version=version).first()
    if revision is None:
        raise DraftError(_("Diese Version gibt es nicht."))
    return section_save(
        section=section, text=revision.text, based_on=based_on, actor=actor, restored_from=version
    )
