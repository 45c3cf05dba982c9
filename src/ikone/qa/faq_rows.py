"""The sections of a call's FAQ page as one string (issue 15): the page
wrote every entry (62 on the 2021 round) through a template loop body with
a `url` tag, `linebreaks`, a translated date line and the badge, and that
loop cost more than the rest of the page. Written here, each label is
translated once per page, each day formatted once and every address
derived from one `reverse`. The output is what `qa/call_faq.html` wrote in
its loop before, up to whitespace (compared in tests/qa/test_faq_rows.py);
titles, section headings and the question's explanation are escaped, the
answer is the sanitised HTML the page always showed as it is."""

from __future__ import annotations

from collections.abc import Container, Sequence

from django.utils import formats
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import day_formatter
from ikone.core.urlmemo import EACH, row_address
from ikone.qa.selectors_faq import FAQGroup


def faq_sections(
    groups: Sequence[FAQGroup],
    *,
    call_url: str,
    visible_questions: Container[int],
    can_moderate: bool,
) -> SafeString:
    """One <section> per group with its entries' cards. `call_url` is the
    call's page (the group headings link to its sections); an entry links
    its question when the id is in `visible_questions`; coordinators
    (`can_moderate`) see the review flag."""
    question_url = row_address("qa:detail", EACH)
    review_badge = (
        '<p class="kern-body"><span class="kern-badge kern-badge--warning">'
        '<span class="kern-label kern-label--small">'
        f"{escape(_('Auslegung prüfen'))}</span></span></p>"
    )
    general = escape(_("Allgemeine Fragen"))
    question_link = escape(_("Frage und alle Antworten"))
    as_of = _("Stand: %(date)s")
    # `|date:"DATE_FORMAT"` writes only the (Berlin) day: each day once.
    day = day_formatter(formats.get_format("DATE_FORMAT"))
    call_link = escape(call_url)
    parts = []
    for counter, group in enumerate(groups, start=1):
        if group.number:
            heading = (
                f'<a class="kern-link" href="{call_link}#{escape(group.anchor)}">'
                f"{escape(group.number)} {escape(group.title)}</a>"
            )
        else:
            heading = general
        parts.append(
            f'<section class="ikone-stack" aria-labelledby="faq-gruppe-{counter}">'
            f'<h2 class="kern-heading-medium" id="faq-gruppe-{counter}">{heading}</h2>'
        )
        for entry in group.entries:
            pk = int(entry.pk)
            flag = review_badge if can_moderate and entry.needs_review else ""
            explanation = (
                f'<div class="ikone-text">{linebreaks(entry.question_text, autoescape=True)}</div>'
                if entry.question_text
                else ""
            )
            link = (
                f' · <a class="kern-link" href="{escape(question_url(entry.question_id))}">'
                f"{question_link}</a>"
                if entry.question_id in visible_questions
                else ""
            )
            parts.append(
                f'<article class="kern-card" id="faq-{pk}" aria-labelledby="faq-{pk}-titel">'
                '<div class="kern-card__container"><div class="kern-card__header">'
                f'<h3 class="kern-heading-small" id="faq-{pk}-titel">{escape(entry.title)}</h3>'
                f'</div><div class="kern-card__body ikone-stack">{flag}{explanation}'
                f'<div class="ikone-richtext">{entry.answer_text}</div>'
                '<p class="kern-body kern-body--small">'
                f"{as_of % {'date': escape(day(entry.updated_at))}}{link}</p>"
                "</div></div></article>"
            )
        parts.append("</section>")
    # Safe: titles, numbers, anchors, explanations and labels are escaped;
    # the answer is sanitised HTML, shown unescaped as the template did.
    return mark_safe("\n".join(parts))  # noqa: S308
