"""The rows of /bewerbungen/ as one string (issue 15): a row per draft with
an include for its status badge and two date filters cost the template
engine more than the rest of the page. Built here, the labels are
translated once per page. The output is what the template's loop wrote, up
to whitespace (compared in tests/applications/test_list_rows.py); titles
and names are escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.applications.models import Draft, DraftStatus
from ikone.core.datetimes import pattern_formatter
from ikone.core.urlmemo import EACH, row_address

# The badge colour per status (applications/includes/status_badge.html).
_BADGE_KIND = {DraftStatus.FUNDED.value: "success", DraftStatus.NOT_FUNDED.value: "danger"}


def status_badge(draft: Draft) -> str:
    kind = _BADGE_KIND.get(draft.status, "info")
    return (
        f'<span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label kern-label--small">{escape(draft.get_status_display())}'
        "</span></span>"
    )


def draft_rows(drafts: Iterable[Draft]) -> SafeString:
    """The table rows of one page of drafts (`organization` and `call` loaded)."""
    example = (
        ' <span class="kern-badge kern-badge--warning">'
        f'<span class="kern-label kern-label--small">{escape(_("Beispiel"))}</span></span>'
    )
    short_date = pattern_formatter("SHORT_DATE_FORMAT")
    short_datetime = pattern_formatter("SHORT_DATETIME_FORMAT")
    detail_url = row_address("applications:detail", pk=EACH)
    # Each status's badge translated once per page, not once per row.
    badges: dict[str, str] = {}
    rows = []
    for draft in drafts:
        deadline = draft.call.deadline
        shown_deadline = escape(short_date(deadline)) if deadline else "–"
        updated = escape(short_datetime(draft.updated_at))
        badge = badges.get(draft.status)
        if badge is None:
            badge = badges[draft.status] = status_badge(draft)
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><a class="kern-link" href="{escape(detail_url(int(draft.pk)))}">'
            f"{escape(draft.title)}</a>{example if draft.is_example else ''}</td>"
            f'<td class="kern-table__cell">{escape(draft.organization.name)}</td>'
            f'<td class="kern-table__cell">{escape(draft.call.title)}</td>'
            f'<td class="kern-table__cell">{badge}</td>'
            f'<td class="kern-table__cell">{shown_deadline}</td>'
            f'<td class="kern-table__cell">{updated}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - titles, names and labels escaped
