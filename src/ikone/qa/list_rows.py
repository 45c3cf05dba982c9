"""The cards of /fragen/ as one string (issue 15): 25 questions with a
link, two badges, a date and a counted label each cost the template engine
more than the rest of the page; built here, each label is translated once
per page, each address derived from one `reverse` and each date pattern
looked up once. The output is what `qa/question_list.html` rendered per
row before, up to whitespace (compared in tests/qa/test_list_rows.py);
titles and names are escaped, the rest are numbers and labels escaped once.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.core.datetimes import pattern_formatter
from ikone.core.numbers import digit_grouper
from ikone.qa.models import Question, QuestionStatus, Visibility

# A question id no question has, replaced per row in the address.
_PLACEHOLDER = 987654321


def _badge(kind: str, label: str) -> str:
    return (
        f'<span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
    )


def question_rows(rows: Sequence[tuple[Question, bool]]) -> SafeString:
    """(question, may see the organisation) pairs of one page as list items;
    questions carry `answer_count`, `call` and `organization`."""
    detail_url = escape(reverse("qa:detail", kwargs={"pk": _PLACEHOLDER}))
    status_badges: dict[str, str] = {
        QuestionStatus.FAQ: _badge("success", _("in den FAQ")),
        QuestionStatus.ANSWERED: _badge("info", _("beantwortet")),
    }
    open_badge = _badge("warning", _("offen"))
    visibility_badges: dict[str, str] = {
        value: _badge("info", str(label)) for value, label in Visibility.choices
    }
    a_municipality = escape(_("eine Kommune"))
    iso = pattern_formatter("c")
    day = pattern_formatter("DATE_FORMAT")
    number = digit_grouper()
    items = []
    for question, show_organization in rows:
        url = detail_url.replace(f"/{_PLACEHOLDER}/", f"/{int(question.pk)}/")
        badges = status_badges.get(question.status, open_badge)
        if question.visibility != Visibility.PUBLIC:
            badges += " " + visibility_badges.get(
                question.visibility, _badge("info", question.visibility)
            )
        organization = question.organization
        asked_by = (
            escape(organization.name) if show_organization and organization else a_municipality
        )
        count = question.answer_count  # type: ignore[attr-defined]
        answers = ngettext("%(counter)s Antwort", "%(counter)s Antworten", count) % {
            "counter": number(count)
        }
        items.append(
            '<li class="kern-card"><div class="kern-card__container">'
            '<div class="kern-card__header"><h2 class="kern-heading-small">'
            f'<a class="kern-link" href="{url}">{escape(question.title)}</a></h2></div>'
            '<div class="kern-card__body">'
            f'<p class="kern-body">{badges}</p>'
            '<p class="kern-body kern-body--small">'
            f"{escape(question.call.title)} · {asked_by} · "
            f'<time datetime="{escape(iso(question.created_at))}">'
            f"{escape(day(question.created_at))}</time> · {answers}</p>"
            "</div></div></li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - titles, names and labels escaped above
