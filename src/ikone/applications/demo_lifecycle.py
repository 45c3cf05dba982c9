"""Demo drafts for the lifecycle of a draft (docs/demo.md): one in the
trash, deleted by the Ansprechperson some days ago and still restorable,
and one that was submitted and then reopened by the Ansprechperson. Both go
through the services, so the audit log shows who did what. Titles and
organisations are in `demo/drafts.yaml`; idempotent."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from ikone.accounts.demo import contact_email
from ikone.accounts.models import User
from ikone.applications import workflow
from ikone.applications.models import Draft
from ikone.applications.services.drafts import draft_create, draft_transition
from ikone.applications.services.lifecycle import draft_delete, draft_reopen
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date

if TYPE_CHECKING:
    from ikone.applications.demo import DemoLifecycleDraft, Writer
    from ikone.calls.models import Call


def _start(call: Call, spec: DemoLifecycleDraft, out: Writer) -> tuple[Draft, Actor] | None:
    contact = User.objects.filter(email=contact_email(spec.organization)).first()
    membership = contact.memberships.select_related("organization").first() if contact else None
    if contact is None or membership is None:
        out.write(f"{spec.title} übersprungen: Demo-Zugänge fehlen.\n")
        return None
    if Draft.all_objects.filter(organization=membership.organization, title=spec.title).exists():
        return None
    actor = Actor(user=contact)
    draft = draft_create(
        organization=membership.organization, call=call, title=spec.title, actor=actor
    )
    Draft.objects.filter(pk=draft.pk).update(is_example=True)
    return draft, actor


def seed_demo_lifecycle(call: Call, *, stdout: Writer) -> None:
    from ikone.applications.demo import demo_drafts

    demo = demo_drafts()
    started = _start(call, demo.trashed, stdout)
    if started is not None:
        draft, actor = started
        draft_delete(draft=draft, actor=actor)
        Draft.all_objects.filter(pk=draft.pk).update(
            deleted_at=timezone.now() - timedelta(days=demo.trashed.days_ago)
        )
        stdout.write(f"Bewerbungsentwurf im Papierkorb: {demo.trashed.title}\n")
    started = _start(call, demo.reopened, stdout)
    if started is not None:
        draft, actor = started
        submitted_on = berlin_date() - timedelta(days=demo.reopened.days_ago)
        draft = draft_transition(
            draft=draft, action=workflow.SUBMIT, submitted_on=submitted_on, actor=actor
        )
        draft_reopen(draft=draft, actor=actor)
        stdout.write(f"Bewerbungsentwurf wieder geöffnet: {demo.reopened.title}\n")
