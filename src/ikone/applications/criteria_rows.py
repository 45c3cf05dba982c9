"""The criteria page's rows and sections as strings (issue 15): per
criterion the page wrote a table row, a section with up to two forms
(an include and three field renderings each) and the mentors' list, and
the template engine cost more than the rest of the page. Built here, each
label is translated once per page. The output is what the loops of
`applications/criteria.html` wrote before, up to whitespace (compared in
tests/applications/test_criteria_rows.py); titles, names and notes are
escaped, the labels escaped once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.form_fields import form_html


@dataclass(frozen=True)
class CriteriaHtml:
    matrix_rows: SafeString
    sections: SafeString


def _badge(label: str, kind: str) -> str:
    return (
        f'<span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
    )


class _Labels:
    """The page's labels, translated and escaped once per page."""

    def __init__(self, csrf_token: str) -> None:
        self.retired = _badge(_("nicht mehr gefordert"), "warning")
        self.uncovered = _badge(_("nicht abgedeckt"), "danger")
        self.former_mentor = escape(_("ehemalige:r Mentor:in"))
        self.retired_note = escape(
            _(
                "Der Förderaufruf nennt dieses Kriterium nicht mehr. "
                "Die Einschätzungen bleiben erhalten."
            )
        )
        self.missing = escape(_("Noch kein Abschnitt behandelt dieses Kriterium."))
        self.self_label = escape(_("Selbsteinschätzung"))
        self.save = escape(_("Speichern"))
        self.save_mentor = escape(_("Einschätzung speichern"))
        self.mentors_heading = escape(_("Einschätzungen der Mentor:innen"))
        self.csrf = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token
        )

    def mentor(self, given: Any) -> str:
        return escape(str(given.mentor)) if given.mentor else self.former_mentor


def criteria_html(entries: list[dict[str, Any]], *, csrf_token: str) -> CriteriaHtml:
    """The rows of the overview table and the section of every criterion.
    `entries` as the view builds them (`row`, `covered_ids`, optional
    `self_form` and `mentor_form`); `csrf_token` for the forms."""
    labels = _Labels(csrf_token)
    # Safe: titles, names, notes and labels go through escape, the forms
    # render themselves escaped.
    return CriteriaHtml(
        matrix_rows=mark_safe("\n".join(_table_row(e["row"], labels) for e in entries)),  # noqa: S308
        sections=mark_safe("\n".join(_section(e, labels) for e in entries)),  # noqa: S308
    )


def _mentor_cell(row: Any, labels: _Labels) -> str:
    if not row.mentor_assessments:
        return "–"
    scored = [
        f"{given.score} / 3 ({labels.mentor(given)})"
        for given in row.mentor_assessments
        if given.score is not None
    ]
    cell = "<br>".join(scored)
    # The template wrote <br> after every scored mentor but the last of all
    # mentors: an unscored last one leaves a trailing break.
    if scored and row.mentor_assessments[-1].score is None:
        cell += "<br>"
    return cell


def _table_row(row: Any, labels: _Labels) -> str:
    criterion = row.criterion
    if row.covered:
        covered_in = ", ".join(escape(section.title) for section in row.sections)
    elif row.retired:
        covered_in = "–"
    else:
        covered_in = labels.uncovered
    self_score = row.assessment.self_score if row.assessment else None
    return (
        '<tr class="kern-table__row">'
        '<th class="kern-table__cell" scope="row">'
        f'<a class="kern-link" href="#kriterium-{criterion.pk}">{escape(criterion.title)}</a>'
        f"{' ' + labels.retired if row.retired else ''}</th>"
        f'<td class="kern-table__cell">{covered_in}</td>'
        '<td class="kern-table__cell">'
        f"{f'{self_score} / 3' if self_score is not None else '–'}</td>"
        f'<td class="kern-table__cell">{_mentor_cell(row, labels)}</td>'
        "</tr>"
    )


def _heading(criterion: Any) -> str:
    heading = f"{escape(criterion.group)}: " if criterion.group else ""
    heading += escape(criterion.title)
    if criterion.weight:
        weight = _("Gewichtung %(weight)s") % {"weight": floatformat(criterion.weight, "-2")}
        heading += f" ({weight})"
    return heading


def _form(form: Any, pk: int, button: str, labels: _Labels) -> str:
    return (
        f'<form method="post" class="ikone-form" novalidate>{labels.csrf}'
        f'<input type="hidden" name="kriterium" value="{pk}">{form_html(form)}'
        '<button type="submit" class="kern-btn kern-btn--secondary">'
        f'<span class="kern-label">{button}</span></button></form>'
    )


def _self_assessment(assessment: Any, labels: _Labels) -> str:
    shown: str
    if assessment is not None and assessment.self_score is not None:
        shown = escape(str(assessment.get_self_score_display()))
    else:
        shown = "–"
    if assessment is not None and assessment.self_note:
        shown += f'<br><span class="ikone-text-preview">{escape(assessment.self_note)}</span>'
    return f'<p class="kern-body">{labels.self_label}: {shown}</p>'


def _mentor_list(row: Any, labels: _Labels) -> str:
    items = []
    for given in row.mentor_assessments:
        score = escape(str(given.get_score_display())) if given.score is not None else "–"
        note = (
            f'<br><span class="ikone-text-preview">{escape(given.note)}</span>'
            if given.note
            else ""
        )
        items.append(f"<li>{labels.mentor(given)}: {score}{note}</li>")
    return (
        f'<h3 class="kern-heading-small">{labels.mentors_heading}</h3>'
        f'<ul class="kern-list">{"".join(items)}</ul>'
    )


def _section(entry: dict[str, Any], labels: _Labels) -> str:
    row = entry["row"]
    criterion = row.criterion
    pk = criterion.pk
    open_gap = not row.covered and not row.retired
    parts = [
        f'<section id="kriterium-{pk}" class="ikone-stack ikone-criterion'
        f'{" ikone-criterion--uncovered" if open_gap else ""}" '
        f'aria-labelledby="kriterium-{pk}-titel">',
        f'<h2 class="kern-heading-small" id="kriterium-{pk}-titel">{_heading(criterion)}</h2>',
    ]
    if row.retired:
        parts.append(f'<p class="kern-body">{labels.retired} {labels.retired_note}</p>')
    if criterion.description:
        parts.append(
            f'<p class="kern-body ikone-text-preview">{escape(criterion.description)}</p>'
        )
    if open_gap:
        parts.append(f'<p class="kern-body ikone-missing">{labels.missing}</p>')
    if entry.get("self_form"):
        parts.append(_form(entry["self_form"], pk, labels.save, labels))
    else:
        parts.append(_self_assessment(row.assessment, labels))
    if entry.get("mentor_form"):
        parts.append(_form(entry["mentor_form"], pk, labels.save_mentor, labels))
    if row.mentor_assessments:
        parts.append(_mentor_list(row, labels))
    parts.append("</section>")
    return "".join(parts)
