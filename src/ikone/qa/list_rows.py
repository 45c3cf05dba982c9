"""The cards of /fragen/ as one string (issue 15): 25 questions with a
link, two badges, a date and a counted label each cost the template engine
more than the rest of the page; built here, each label is translated once
per page, each address derived from one `reverse` and each day and answer
count formatted once. The output is what `qa/question_list.html` rendered
per row before, up to whitespace (compared in tests/qa/test_list_rows.py);
titles and names are escaped, the rest are numbers and labels escaped once.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.core.datetimes import day_formatter, iso
from ikone.core.numbers import digit_grouper
from ikone.core.urlmemo import EACH, row_address
from ikone.qa.models import Question, QuestionStatus, Visibility

# Per row, titles and names are plain strings: escaped as Django's `escape`
# does (`html.escape` with quotes), without its check for lazy strings.
_escape = html.escape


def _badge(kind: str, label: str) -> str:
    return (
        f'<span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
    )


def question_rows(rows: Sequence[tuple[Question, bool]]) -> SafeString:
    """(question, may see the organisation) pairs of one page as list items;
    questions carry `answer_count`, `call` and `organization`."""
    detail_url = row_address("qa:detail", pk=EACH)
    status_badges: dict[str, str] = {
        QuestionStatus.FAQ: _badge("success", _("in den FAQ")),
        QuestionStatus.ANSWERED: _badge("info", _("beantwortet")),
    }
    open_badge = _badge("warning", _("offen"))
    visibility_badges: dict[str, str] = {
        value: _badge("info", str(label)) for value, label in Visibility.choices
    }
    a_municipality = escape(_("eine Kommune"))
    # `|date:"DATE_FORMAT"` writes only the (Berlin) day: each day once.
    day = day_formatter(formats.get_format("DATE_FORMAT"))
    number = digit_grouper()
    answer_labels: dict[int, str] = {}
    items = []
    for question, show_organization in rows:
        url = escape(detail_url(int(question.pk)))
        badges = status_badges.get(question.status, open_badge)
        if question.visibility != Visibility.PUBLIC:
            badges += " " + visibility_badges.get(
                question.visibility, _badge("info", question.visibility)
            )
        organization = question.organization
        asked_by = (
            _escape(organization.name) if show_organization and organization else a_municipality
        )
        count = question.answer_count  # type: ignore[attr-defined]
        answers = answer_labels.get(count)
        if answers is None:
            answers = answer_labels[count] = ngettext(
                "%(counter)s Antwort", "%(counter)s Antworten", count
            ) % {"counter": number(count)}
        created_at = question.created_at
        # `|date:"c"` is the Berlin time in ISO 8601, as `iso` writes it.
        items.append(
            '<li class="kern-card"><div class="kern-card__container">'
            '<div class="kern-card__header"><h2 class="kern-heading-small">'
            f'<a class="kern-link" href="{url}">{_escape(question.title)}</a></h2></div>'
            '<div class="kern-card__body">'
            f'<p class="kern-body">{badges}</p>'
            '<p class="kern-body kern-body--small">'
            f"{_escape(question.call.title)} · {asked_by} · "
            f'<time datetime="{_escape(iso(created_at) or "")}">'
            f"{escape(day(created_at))}</time> · {answers}</p>"
            "</div></div></li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - titles, names and labels escaped above
