"""The answers of a question page as one string (issue 15): each answer
card (heading, author line, review flag, text, cited sections, edit and
moderation forms) cost the template engine a loop body of about forty
nodes with four `url` tags and two CSRF fields. Written here, each label is
translated once per page, each address derived from one `reverse` and the
CSRF field rendered once. The output is what `qa/question_detail.html`
rendered in its loop before, up to whitespace (the whole page compared with
the former template for every role in DE and EN in
tests/qa/test_question_page_parts.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import pattern_formatter
from ikone.core.numbers import digit_grouper
from ikone.core.urlmemo import EACH, row_address
from ikone.qa.models import Question


def _address(name: str) -> Callable[[int], str]:
    url = row_address(name, pk=EACH)

    def of(pk: int) -> str:
        return escape(url(int(pk)))

    return of


def _role_suffix(author: Any, mentor: str, coordinator: str) -> str:
    if author is None:
        return ""
    if author.is_mentor:
        return mentor
    if author.is_coordinator:
        return coordinator
    return ""


class _Labels:
    """The page's labels, translated and escaped once."""

    def __init__(self) -> None:
        self.official = escape(_("Offizielle Auslegung"))
        self.number = _("Antwort %(number)s")
        self.mentor = escape(_("Mentor:in"))
        self.coordinator = escape(_("Netzwerkkoordination"))
        self.check = escape(_("Auslegung prüfen"))
        self.changed = _(
            "Der Aufruf wurde geändert; diese Antwort zitiert die geänderten Abschnitte "
            "%(numbers)s. Bitte bestätigen Sie, dass sie weiter gilt, oder passen Sie sie an."
        )
        self.still_valid = escape(_("Antwort gilt weiter"))
        self.adjust = escape(_("Antwort anpassen"))
        self.based_on = _("Stützt sich auf")
        self.edit = escape(_("Bearbeiten"))
        self.unmark = escape(_("Offizielle Markierung entfernen"))
        self.mark = escape(_("Als offizielle Auslegung markieren"))
        self.none = escape(_("Noch keine Antwort."))


def answer_cards(
    answers: Sequence[Mapping[str, Any]],
    question: Question,
    can: Mapping[str, bool],
    csrf_field: Callable[[], str],
) -> SafeString:
    """The cards of `answers` (dicts: answer, can_edit, show_flag,
    show_organization, as views.questions.detail_context builds them).
    `csrf_field` writes the page's CSRF input; it is called only for a card
    with a form, so a visitor's page sets no CSRF cookie and stays in the
    shared page cache (docs/adr/0006-page-cache.md)."""
    from ikone.qa.templatetags.qa_tags import cited_sections

    if not answers:
        return mark_safe(f'<p class="kern-body">{_Labels().none}</p>')  # noqa: S308 - escaped
    labels = _Labels()
    confirm_url = _address("qa:answer_review_confirm")
    edit_url = _address("qa:answer_edit")
    official_url = _address("qa:answer_official")
    iso = pattern_formatter("c")
    when = pattern_formatter("DATETIME_FORMAT")
    number = digit_grouper()
    see_names = can.get("see_names")
    moderate = can.get("moderate")
    cards = []
    for counter, item in enumerate(answers, start=1):
        answer = item["answer"]
        pk = int(answer.pk)
        heading = (
            labels.official
            if answer.is_official
            else labels.number % {"number": escape(number(counter))}
        )
        author = answer.author
        if see_names and author:
            suffix = _role_suffix(author, labels.mentor, labels.coordinator)
            byline = escape(str(author)) + (f" ({suffix})" if suffix else "")
        else:
            byline = _role_suffix(author, labels.mentor, labels.coordinator)
        if item["show_organization"]:
            byline += f" · {escape(answer.organization.name)}"
        flag = ""
        if item["show_flag"]:
            numbers = ", ".join(conditional_escape(n) for n in answer.review_numbers)
            flag = (
                '<div class="kern-alert kern-alert--warning" role="status">'
                f'<div class="kern-alert__header"><span class="kern-title">{labels.check}'
                '</span></div><div class="kern-alert__body">'
                f'<p class="kern-body">{labels.changed % {"numbers": numbers}}</p>'
                f'<form method="post" action="{confirm_url(pk)}" class="ikone-actions">'
                f"{csrf_field()}"
                '<button type="submit" class="kern-btn kern-btn--secondary">'
                f'<span class="kern-label">{labels.still_valid}</span></button>'
                f'<a class="kern-link" href="{edit_url(pk)}">{labels.adjust}</a>'
                "</form></div></div>"
            )
        actions = ""
        if item["can_edit"] or moderate:
            edit = (
                f'<a class="kern-link" href="{edit_url(pk)}">{labels.edit}</a>'
                if item["can_edit"]
                else ""
            )
            official = ""
            if moderate:
                button = (
                    '<input type="hidden" name="entfernen" value="1">'
                    '<button type="submit" class="kern-btn kern-btn--tertiary">'
                    f'<span class="kern-label">{labels.unmark}</span></button>'
                    if answer.is_official
                    else '<button type="submit" class="kern-btn kern-btn--secondary">'
                    f'<span class="kern-label">{labels.mark}</span></button>'
                )
                official = (
                    f'<form method="post" action="{official_url(pk)}" '
                    f'class="ikone-inline-form">{csrf_field()}{button}</form>'
                )
            actions = f'<div class="ikone-actions">{edit}{official}</div>'
        created_at = answer.created_at
        cards.append(
            f'<article class="kern-card" id="antwort-{pk}" aria-labelledby="antwort-{pk}-titel">'
            '<div class="kern-card__container"><div class="kern-card__header">'
            f'<h3 class="kern-heading-small" id="antwort-{pk}-titel">{heading}</h3>'
            f'<p class="kern-body kern-body--small">{byline} · '
            f'<time datetime="{escape(iso(created_at))}">{escape(when(created_at))}</time></p>'
            '</div><div class="kern-card__body ikone-stack">'
            f'{flag}<div class="ikone-richtext">{answer.text}</div>'
            f"{cited_sections(answer.cited_sections.all(), question.call, labels.based_on)}"
            f"{actions}</div></div></article>"
        )
    return mark_safe("\n".join(cards))  # noqa: S308 - names, labels and addresses escaped above
