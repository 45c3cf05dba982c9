"""The rows of the audit log's table as one string (issue 15): 50 entries
with two dates, a translated fallback and a translated target type each
cost the template engine most of the page (`core/auditentry_list.html`
wrote them before; tests/core/test_audit_log_rows.py compares both). Each
label is translated once per page, each type's name looked up once."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.audit import target_type_label
from ikone.core.datetimes import iso, pattern_formatter
from ikone.core.models import AuditEntry


def entry_rows(entries: Iterable[AuditEntry]) -> SafeString:
    system = escape(_("System"))
    saved_at = pattern_formatter("SHORT_DATETIME_FORMAT")
    type_names: dict[str, str] = {}

    def type_name(target_type: str) -> str:
        if target_type not in type_names:
            type_names[target_type] = escape(str(target_type_label(target_type)))
        return type_names[target_type]

    rows = []
    for entry in entries:
        moment = escape(iso(entry.created_at))
        shown = escape(saved_at(entry.created_at))
        actor = escape(entry.actor_label) if entry.actor_label else system
        if entry.target_label:
            target = (
                f'{escape(entry.target_label)} <span class="kern-body--small">'
                f"({type_name(entry.target_type)} {escape(entry.target_id)})</span>"
            )
        elif entry.target_type:
            target = (
                f'<span class="kern-body--small">{type_name(entry.target_type)} '
                f"{escape(entry.target_id)}</span>"
            )
        else:
            target = "–"
        origin = escape(entry.ip_address) if entry.ip_address else "–"
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><time datetime="{moment}">{shown}</time></td>'
            f'<td class="kern-table__cell">{actor}</td>'
            f'<td class="kern-table__cell"><code>{escape(entry.action)}</code></td>'
            f'<td class="kern-table__cell">{target}</td>'
            f'<td class="kern-table__cell">{origin}</td>'
            "</tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped
