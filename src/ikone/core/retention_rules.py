"""Core's own retention rule: the audit log. Registered in `CoreConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

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
)
