"""The rows of a section's history table as one string (issue 11 point 12,
issue 15): 50 rows with four translated labels, a date, a number and a
restore address each cost the template engine more than the rest of the
page; built here, each label is translated once per page and each address
derived from one `reverse`. The output is what the template rendered
before (`applications/section_history.html`); every label and name is
escaped, everything else is a number.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.applications.selectors_history import HistoryRow
from ikone.core.datetimes import datetime_formatter
from ikone.core.numbers import digit_grouper
from ikone.core.urlmemo import EACH, row_address


def history_rows(
    revisions: Sequence[HistoryRow],
    *,
    draft_pk: int,
    section_key: str,
    current_version: int,
    a: int,
    b: int,
    can_edit: bool,
) -> SafeString:
    # Every label escaped once per page; per row only digits (versions,
    # lengths, dates) and the author's name (escaped) are put in.
    current = escape(_("aktuell"))
    submitted = escape(_("eingereicht"))
    restored_from = escape(_("aus Version %(version)s"))
    deleted_account = escape(_("gelöschtes Konto"))
    older = escape(_("Version %(version)s als ältere wählen"))
    newer = escape(_("Version %(version)s als neuere wählen"))
    restore = escape(_("Version %(version)s wiederherstellen"))
    restore_url = row_address("applications:restore", draft_pk, section_key, EACH)
    saved_at = datetime_formatter("short")
    group_digits = digit_grouper()
    rows = []
    for revision in revisions:
        number = int(revision.version)
        version = str(number)
        head = version
        if number == current_version:
            head += f" ({current})"
        if revision.restored_from:
            origin = restored_from % {"version": int(revision.restored_from)}
            head += f'<br><span class="kern-body--small">{origin}</span>'
        if revision.submitted:
            head += f'<br><span class="kern-body--small">{submitted}</span>'
        restore_cell = ""
        if can_edit:
            button = ""
            if number != current_version:
                url = escape(restore_url(version))
                label = restore % {"version": version}
                button = (
                    '<button type="submit" class="ikone-link-button" form="restore" '
                    f'formaction="{url}">{label}</button>'
                )
            restore_cell = f'<td class="kern-table__cell">{button}</td>'
        author = escape(revision.author) if revision.author else deleted_account
        saved = escape(saved_at(revision.created_at))
        length = escape(group_digits(int(revision.length)))
        checked_a = " checked" if number == a else ""
        checked_b = " checked" if number == b else ""
        rows.append(
            '<tr class="kern-table__row">'
            f'<th class="kern-table__cell" scope="row">{head}</th>'
            f'<td class="kern-table__cell">{author}</td>'
            f'<td class="kern-table__cell">{saved}</td>'
            f'<td class="kern-table__cell">{length}</td>'
            f'<td class="kern-table__cell"><input type="radio" name="a" value="{version}" '
            f'id="a-{version}"{checked_a}><label class="kern-sr-only" for="a-{version}">'
            f"{older % {'version': version}}</label></td>"
            f'<td class="kern-table__cell"><input type="radio" name="b" value="{version}" '
            f'id="b-{version}"{checked_b}><label class="kern-sr-only" for="b-{version}">'
            f"{newer % {'version': version}}</label></td>"
            f"{restore_cell}</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - labels and names escaped above
