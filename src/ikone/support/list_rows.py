"""The rows of the requester's list (/unterstuetzung/) and of the
coordinators' queue (/unterstuetzung/warteschlange/) as one string each
(issue 15): 25 or 30 rows with a status badge, labels, a date and a link
each cost the template engine more than the rest of the page; built here,
each label is translated once per page, each address derived from one
`reverse` and each day formatted once. The output is what
`support/request_list.html` and `support/queue.html` rendered per row
before, up to whitespace (compared in tests/support/test_list_rows.py);
subjects and names are escaped, the rest are numbers and labels escaped
once.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import day_formatter
from ikone.core.urlmemo import EACH, row_address
from ikone.support.models import Priority, SupportRequest, Topic
from ikone.support.workflow import Status

# Per row, subjects and names are plain strings: escaped as Django's `escape`
# does (`html.escape` with quotes), without its check for lazy strings.
_escape = html.escape
# The templates' `|date:"j. F Y"`: the same pattern in every language.
_DAY_PATTERN = "j. F Y"
_BADGE_KINDS: dict[str, str] = {
    Status.NEW: " kern-badge--info",
    Status.WAITING: " kern-badge--warning",
    Status.SOLVED: " kern-badge--success",
    Status.CLOSED: " kern-badge--success",
}


def _detail_url() -> Callable[[int], str]:
    url = row_address("support:detail", pk=EACH)

    def url_of(pk: int) -> str:
        return escape(url(int(pk)))

    return url_of


def _day_formatter() -> Callable[[dt.datetime | dt.date], str]:
    """`|date:"j. F Y"` in the active language (Berlin days), each day once."""
    formatted = day_formatter(_DAY_PATTERN)

    def format_one(value: dt.datetime | dt.date) -> str:
        return escape(formatted(value))

    return format_one


def _status_badges() -> Callable[[str], str]:
    """support/includes/status_badge.html per status, each label once."""
    badges = {
        value: (
            f'<span class="kern-badge{_BADGE_KINDS.get(value, "")}">'
            f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
        )
        for value, label in Status.choices
    }

    def badge(status: str) -> str:
        text = badges.get(status)
        if text is None:
            text = (
                f'<span class="kern-badge"><span class="kern-label kern-label--small">'
                f"{escape(status)}</span></span>"
            )
        return text

    return badge


def request_rows(items: Iterable[SupportRequest]) -> SafeString:
    """The rows of the requester's list; requests carry `organization`."""
    url_of = _detail_url()
    badge = _status_badges()
    day = _day_formatter()
    rows = []
    for item in items:
        organization = item.organization
        name = (organization.name if organization else "") or item.organization_name or "–"
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><a class="kern-link" href="{url_of(item.pk)}">'
            f"{_escape(item.subject)}</a></td>"
            f'<td class="kern-table__cell">{badge(item.status)}</td>'
            f'<td class="kern-table__cell">{_escape(name)}</td>'
            f'<td class="kern-table__cell">{day(item.created_at)}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - subjects, names and labels escaped above


def queue_rows(items: Iterable[SupportRequest]) -> SafeString:
    """The rows of the coordinators' queue; requests carry `organization`
    and `assignee` (selectors.queue_for)."""
    url_of = _detail_url()
    badge = _status_badges()
    day = _day_formatter()
    # str() first: `escape` of a lazy label is lazy again, and each row would
    # translate and escape it anew when formatting it.
    topics = {value: escape(str(label)) for value, label in Topic.choices}
    priorities = {value: escape(str(label)) for value, label in Priority.choices}
    no_member = f" ({escape(_('kein Mitglied'))})"
    rows = []
    for item in items:
        organization = item.organization
        sender = (
            (organization.name if organization else "")
            or item.organization_name
            or item.requester_name
        )
        sender_cell = _escape(sender) + ("" if item.is_member else no_member)
        assignee = item.assignee
        handler = _escape(assignee.name or assignee.email) if assignee else "–"
        topic = topics.get(item.topic)
        if topic is None:
            topic = escape(item.topic)
        priority = priorities.get(item.priority)
        if priority is None:
            priority = escape(item.priority)
        due = day(item.due_date) if item.due_date else "–"
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><a class="kern-link" href="{url_of(item.pk)}">'
            f"#{int(item.pk)} {_escape(item.subject)}</a></td>"
            f'<td class="kern-table__cell">{badge(item.status)}</td>'
            f'<td class="kern-table__cell">{topic}</td>'
            f'<td class="kern-table__cell">{sender_cell}</td>'
            f'<td class="kern-table__cell">{handler}</td>'
            f'<td class="kern-table__cell">{priority}</td>'
            f'<td class="kern-table__cell">{due}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - subjects, names and labels escaped above
