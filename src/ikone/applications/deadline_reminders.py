"""Reminders of the call's deadline for drafts that are not ready: four
weeks, one week and one day before it (Berlin calendar days), to the
people of the draft's organisation, listing what the readiness check finds
missing. Once per draft and stage: `send_deadline_reminder` claims the
stage by inserting its `DeadlineReminder` row (unique per draft and stage,
committed before sending, so a worker killed while sending never causes a
second mail) and a second worker's insert fails; a failed send deletes the
claim so a later run tries again. A draft that became ready keeps its
claim and gets no mail.

`ikone send_deadline_reminders` (daily) enqueues what is due.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from ikone.applications.models import DeadlineReminder, Draft, DraftStatus
from ikone.applications.readiness import readiness_for
from ikone.core import mail
from ikone.core.datetimes import berlin_date

STAGES = (28, 7, 1)
OPEN = (DraftStatus.DRAFT, DraftStatus.IN_REVIEW)


def stage_for(days_left: int) -> int | None:
    """The reminder due `days_left` days before the deadline: the smallest
    stage not below it (a draft started five days before gets the one-week
    reminder, never the four-week one afterwards)."""
    due = [stage for stage in STAGES if days_left <= stage]
    return min(due) if due and days_left >= 0 else None


def due_deadline_reminders(*, now: dt.datetime | None = None) -> list[tuple[int, int]]:
    """(draft id, stage) of every reminder due now (one query)."""
    now = now or timezone.now()
    today = berlin_date(now)
    rows = (
        Draft.objects.filter(
            status__in=OPEN,
            is_example=False,
            call__deadline__gt=now,
            call__deadline__lte=now + dt.timedelta(days=max(STAGES) + 1),
        )
        .values_list("pk", "call__deadline")
        .order_by("pk")
    )
    sent = set(
        DeadlineReminder.objects.filter(draft_id__in=[pk for pk, _ in rows]).values_list(
            "draft_id", "days_before"
        )
    )
    due = []
    for pk, deadline in rows:
        stage = stage_for((berlin_date(deadline) - today).days)
        if stage is not None and (pk, stage) not in sent:
            due.append((pk, stage))
    return due


@task()
def send_deadline_reminder(draft_id: int, stage: int) -> bool:
    """Send one stage's reminder for one draft, at most once; True if mailed."""
    from ikone.applications.notifications import deadline_reminder_mail

    try:
        with transaction.atomic():
            DeadlineReminder.objects.create(draft_id=draft_id, days_before=stage)
    except IntegrityError:
        return False
    built = deadline_reminder_mail(draft_id, stage)
    if built is None:
        return False
    built.idempotency_key = f"applications.deadline_reminder:{draft_id}:{stage}"
    try:
        mail.send(built)
    except Exception:
        DeadlineReminder.objects.filter(draft_id=draft_id, days_before=stage).delete()
        raise
    return True


def enqueue_due_deadline_reminders(*, now: dt.datetime | None = None) -> int:
    """Enqueue a task per due reminder; safe to run as often as wanted."""
    due = due_deadline_reminders(now=now)
    for draft_id, stage in due:
        send_deadline_reminder.enqueue(draft_id, stage)
    return len(due)


def missing_items(draft: Draft) -> list[str] | None:
    """What the readiness check finds missing, or None if the draft is ready."""
    readiness = readiness_for(draft)
    if readiness.ready:
        return None
    return [str(item.label) for item in readiness.missing_mandatory]
