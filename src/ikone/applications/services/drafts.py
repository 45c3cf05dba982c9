"""Creating drafts (also as copies), sharing them, moving their status and
recording the outcome."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts.models import Organization, User
from ikone.applications import notifications, permissions, workflow
from ikone.applications.exceptions import DraftError
from ikone.applications.models import (
    Draft,
    DraftMentor,
    DraftSection,
    DraftStatus,
    SectionRevision,
    SectionTemplateItem,
)
from ikone.applications.section_templates import DEFAULT_TEMPLATE
from ikone.applications.services import history
from ikone.calls.models import Call
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date
from ikone.core.services import require, require_user


def _section_specs(call: Call) -> list[dict[str, object]]:
    """The sections of a new draft: the call's own template, or the default."""
    items = SectionTemplateItem.objects.filter(template__call=call).order_by("position")
    if items:
        return [
            {
                "key": item.key,
                "title": item.title,
                "guiding_questions": item.guiding_questions,
                "min_length": item.min_length,
            }
            for item in items
        ]
    return [
        {
            "key": spec.key,
            "title": str(spec.title),
            "guiding_questions": "\n".join(str(question) for question in spec.questions),
            "min_length": spec.min_length,
        }
        for spec in DEFAULT_TEMPLATE
    ]


@transaction.atomic
def draft_create(
    *,
    organization: Organization,
    call: Call,
    title: str,
    actor: Actor,
    copy_from: Draft | None = None,
) -> Draft:
    """Start a draft for `call` with the sections of the call's template.

    With `copy_from` (an earlier draft of the same organisation) the texts
    of sections with the same key are taken over as their first version.
    Raises PermissionDenied unless the person belongs to the organisation,
    DraftError when the copy belongs to another organisation.
    """
    user = require_user(actor)
    require(permissions.can_create_draft(user, organization))
    if copy_from is not None and copy_from.organization_id != organization.pk:
        raise DraftError(_("Sie können nur Entwürfe der eigenen Organisation kopieren."))
    draft = Draft(
        organization=organization,
        call=call,
        title=title.strip(),
        copied_from=copy_from,
        created_by=user,
    )
    draft.full_clean()
    draft.save()
    earlier = {}
    if copy_from is not None:
        earlier = dict(copy_from.sections.values_list("key", "text"))
    now = timezone.now()
    sections = []
    for position, spec in enumerate(_section_specs(call)):
        text = earlier.get(str(spec["key"]), "")
        sections.append(
            DraftSection(
                draft=draft,
                position=position,
                version=1 if text else 0,
                text=text,
                updated_at=now if text else None,
                updated_by=user if text else None,
                **spec,  # type: ignore[arg-type]
            )
        )
    DraftSection.objects.bulk_create(sections)
    SectionRevision.objects.bulk_create(
        SectionRevision(section=section, version=1, text=section.text, author=user)
        for section in DraftSection.objects.filter(draft=draft).exclude(text="")
    )
    audit.record(
        actor,
        "applications.draft.created",
        target=draft,
        data={"copied_from": copy_from.pk if copy_from else None},
    )
    return draft


@transaction.atomic
def draft_share(
    *, draft: Draft, mentors: Iterable[User], with_network: bool, actor: Actor
) -> list[User]:
    """Share the draft with exactly these mentors (others lose access) and,
    if `with_network`, with the network's coordinators. Newly added mentors
    are told by e-mail. Returns the newly added mentors."""
    user = require_user(actor)
    require(permissions.can_manage_draft(user, draft))
    wanted = {mentor.pk: mentor for mentor in mentors}
    if any(not mentor.is_mentor for mentor in wanted.values()):
        raise DraftError(_("Freigeben können Sie nur für Mentor:innen."))
    # Shares of deleted accounts (mentor NULL) keep their recommendation.
    shares = DraftMentor.objects.filter(draft=draft, mentor__isnull=False)
    current = set(shares.values_list("mentor_id", flat=True))
    shares.exclude(mentor_id__in=wanted).delete()
    added = [mentor for pk, mentor in wanted.items() if pk not in current]
    DraftMentor.objects.bulk_create(
        DraftMentor(draft=draft, mentor=mentor, shared_by=user) for mentor in added
    )
    newly_network = with_network and not draft.shared_with_network
    Draft.objects.filter(pk=draft.pk).update(
        shared_with_network=with_network, updated_at=timezone.now()
    )
    draft.shared_with_network = with_network
    draft.__dict__.pop("_access_by_user", None)
    audit.record(
        actor,
        "applications.draft.shared",
        target=draft,
        data={"mentors": sorted(wanted), "network": with_network},
    )
    for mentor in added:
        mail.notify(notifications.DRAFT_SHARED, draft.pk, mentor.pk)
    if newly_network:
        mail.notify(notifications.DRAFT_SHARED_NETWORK, draft.pk)
    return added


@transaction.atomic
def draft_transition(
    *,
    draft: Draft,
    action: str,
    actor: Actor,
    submitted_on: date | None = None,
    funded_amount: Decimal | None = None,
    feedback: str = "",
) -> Draft:
    """Move the draft along the workflow table.

    `submit` needs `submitted_on`, `funded` needs `funded_amount`. Locks the
    row (select_for_update) so two people cannot move it at once. Raises
    DraftError when the move is not allowed from the current status.
    """
    user = require_user(actor)
    require(permissions.can_manage_draft(user, draft))
    locked = Draft.objects.select_for_update().get(pk=draft.pk)
    new_status = workflow.next_status(locked.status, action)
    if new_status is None:
        raise DraftError(
            _("Das geht im Status „%(status)s“ nicht.") % {"status": locked.get_status_display()}
        )
    fields = ["status", "version", "updated_at"]
    if action == workflow.SUBMIT:
        if submitted_on is None:
            raise DraftError(_("Bitte geben Sie das Datum der Einreichung an."))
        locked.submitted_on = submitted_on
        fields.append("submitted_on")
    if action in (workflow.FUNDED, workflow.NOT_FUNDED):
        locked.decided_on = berlin_date()
        locked.outcome_feedback = feedback.strip()
        fields += ["decided_on", "outcome_feedback"]
    if action == workflow.FUNDED:
        if funded_amount is None or funded_amount <= 0:
            raise DraftError(_("Bitte geben Sie die bewilligte Fördersumme an."))
        locked.funded_amount = funded_amount
        fields.append("funded_amount")
    old_status = locked.status
    locked.status = new_status
    locked.version = F("version") + 1
    locked.save(update_fields=fields)
    locked.refresh_from_db()
    if action == workflow.SUBMIT:
        history.mark_submitted_versions(locked)
    audit.record(
        actor,
        "applications.draft.status_changed",
        target=locked,
        data={"from": old_status, "to": new_status},
    )
    mail.notify(notifications.STATUS, locked.pk, user.pk)
    return locked


@transaction.atomic
def draft_record_lessons(*, draft: Draft, lessons: str, feedback: str, actor: Actor) -> Draft:
    """Record the funder's feedback and the lessons for the network (after
    submission)."""
    user = require_user(actor)
    require(permissions.can_manage_draft(user, draft))
    if draft.status not in (DraftStatus.SUBMITTED, *workflow.DECIDED):
        raise DraftError(_("Erkenntnisse halten Sie nach der Einreichung fest."))
    Draft.objects.filter(pk=draft.pk).update(
        lessons_learned=lessons.strip(),
        outcome_feedback=feedback.strip(),
        updated_at=timezone.now(),
    )
    draft.lessons_learned = lessons.strip()
    draft.outcome_feedback = feedback.strip()
    audit.record(actor, "applications.draft.lessons_recorded", target=draft)
    return draft
