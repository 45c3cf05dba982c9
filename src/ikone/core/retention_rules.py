"""Core's own retention rules: the audit log, the mail ledger and the
finished rows of the background task queue. Registered in
`CoreConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ikone.core.models import AuditEntry, OutgoingMail
from ikone.core.retention import RetentionRule


def delete_audit_entries(cutoff: dt.datetime) -> int:
    """Delete audit entries written before the cutoff."""
    deleted, _by_model = AuditEntry.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def delete_outgoing_mail_records(cutoff: dt.datetime) -> int:
    """Forget the idempotency keys of mails recorded before the cutoff (no
    task is retried that long after; docs/operations.md)."""
    deleted, _by_model = OutgoingMail.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _delete_finished_tasks(status: TaskResultStatus, cutoff: dt.datetime) -> int:
    # A finished row always has finished_at; the fallback to enqueued_at only
    # guards against rows written by hand or by an older library version, which
    # would otherwise be kept for ever. READY and RUNNING rows are never
    # touched: they are work still to do (or being retried).
    finished_before = Q(finished_at__lt=cutoff) | Q(
        finished_at__isnull=True, enqueued_at__lt=cutoff
    )
    deleted, _by_model = DBTaskResult.objects.filter(finished_before, status=status).delete()
    return deleted


def delete_succeeded_tasks(cutoff: dt.datetime) -> int:
    """Delete background tasks that succeeded before the cutoff (their
    arguments are ids, their effects are in the database already)."""
    return _delete_finished_tasks(TaskResultStatus.SUCCESSFUL, cutoff)


def delete_failed_tasks(cutoff: dt.datetime) -> int:
    """Delete background tasks that failed for good before the cutoff. Kept
    much longer than succeeded ones: coordinators look at them in the admin
    and may queue them again (docs/operations.md)."""
    return _delete_finished_tasks(TaskResultStatus.FAILED, cutoff)


RULES = (
    RetentionRule(
        "core.audit_log",
        _("Protokoll (Audit-Log)"),
        _("Einträge werden nach Ablauf der Frist ab ihrem Zeitpunkt gelöscht."),
        "ikone.core.retention_rules.delete_audit_entries",
        default_days=730,
        minimum_days=180,
        position=90,
    ),
    RetentionRule(
        "core.outgoing_mail",
        _("Versandprotokoll der E-Mails"),
        _(
            "Idempotenzschlüssel versandter E-Mails (ohne Adressen und Inhalte) werden "
            "nach Ablauf der Frist gelöscht."
        ),
        "ikone.core.retention_rules.delete_outgoing_mail_records",
        default_days=30,
        minimum_days=7,
        position=91,
    ),
    RetentionRule(
        "core.tasks_succeeded",
        _("Erledigte Hintergrundaufgaben"),
        _(
            "Erfolgreich beendete Hintergrundaufgaben werden nach Ablauf der Frist ab "
            "ihrem Ende aus der Warteschlange gelöscht."
        ),
        "ikone.core.retention_rules.delete_succeeded_tasks",
        default_days=30,
        minimum_days=1,
        position=92,
    ),
    RetentionRule(
        "core.tasks_failed",
        _("Fehlgeschlagene Hintergrundaufgaben"),
        _(
            "Endgültig fehlgeschlagene Hintergrundaufgaben bleiben in der Verwaltung "
            "sichtbar und werden nach Ablauf der Frist ab ihrem Ende gelöscht."
        ),
        "ikone.core.retention_rules.delete_failed_tasks",
        default_days=180,
        minimum_days=30,
        position=93,
    ),
)
