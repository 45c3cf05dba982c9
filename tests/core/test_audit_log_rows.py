"""The audit log's rows built in Python (core/auditlog/rows.py) are what the
template wrote before, for every kind of entry and in both languages."""

import re
from datetime import UTC, datetime

import pytest
from django.template import engines
from django.utils import translation

from ikone.core.auditlog.rows import entry_rows
from ikone.core.models import AuditEntry

# The loop of core/auditentry_list.html before the rows moved to Python.
FORMER_TEMPLATE = """{% load i18n core_tags %}{% for entry in entries %}
<tr class="kern-table__row">
  <td class="kern-table__cell"><time datetime="{{ entry.created_at|date:'c' }}">{{ entry.created_at|date:"SHORT_DATETIME_FORMAT" }}</time></td>
  <td class="kern-table__cell">{{ entry.actor_label|default:_("System") }}</td>
  <td class="kern-table__cell"><code>{{ entry.action }}</code></td>
  <td class="kern-table__cell">
    {% if entry.target_label %}{{ entry.target_label }} <span class="kern-body--small">({{ entry.target_type|audit_target_type }} {{ entry.target_id }})</span>{% elif entry.target_type %}<span class="kern-body--small">{{ entry.target_type|audit_target_type }} {{ entry.target_id }}</span>{% else %}–{% endif %}
  </td>
  <td class="kern-table__cell">{{ entry.ip_address|default:"–" }}</td>
</tr>
{% endfor %}"""  # noqa: E501


def _without_layout_whitespace(html):
    return re.sub(r">\s+<", "><", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))).strip()


ENTRIES = [
    # Summer and winter time, a named target, an unnamed one, none, a
    # system entry, a target type no app registered, text to be escaped.
    AuditEntry(
        created_at=datetime(2026, 7, 1, 22, 30, 5, 123456, tzinfo=UTC),
        actor_label="Alice <Adler>",
        action="accounts.membership.created",
        target_type="accounts.organization",
        target_id="17",
        target_label="Gemeinde & Co",
        ip_address="192.0.2.1",
    ),
    AuditEntry(
        created_at=datetime(2026, 12, 31, 23, 59, tzinfo=UTC),
        actor_label="",
        action="applications.draft.deleted",
        target_type="applications.draft",
        target_id="5",
        target_label="",
    ),
    AuditEntry(
        created_at=datetime(2027, 1, 14, 8, 0, tzinfo=UTC),
        actor_label="Bob",
        action="accounts.user.exported",
    ),
    AuditEntry(
        created_at=datetime(2027, 3, 28, 1, 15, tzinfo=UTC),
        actor_label="Bob",
        action="legacy.thing.changed",
        target_type="legacy.thing",
        target_id="x<1>",
        ip_address="2001:db8::1",
    ),
]


@pytest.mark.parametrize("language", ["de", "en"])
def test_rows_are_what_the_template_wrote(language):
    with translation.override(language):
        former = engines["django"].from_string(FORMER_TEMPLATE).render({"entries": ENTRIES})
        built = entry_rows(ENTRIES)
    assert _without_layout_whitespace(built) == _without_layout_whitespace(former)
    assert "Alice &lt;Adler&gt;" in built
    assert "–" in built
