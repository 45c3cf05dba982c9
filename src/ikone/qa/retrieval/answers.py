"""Showing the answer, not only a link: the best sentence of a passage with
the question's words marked, and where it comes from ("Abschnitt 3.1
Förderquote", "Eckdaten", "FAQ")."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ikone.core.search.text import best_sentence, highlight

SOURCE_LABELS: dict[str, str | Promise] = {
    "call_fact": _("Eckdaten des Aufrufs"),
    "faq": _("FAQ"),
    "question": _("Beantwortete Frage"),
}
SECTION_KINDS = ("call_section", "call_passage")


@dataclass(frozen=True)
class Answer:
    source: str  # "Abschnitt 3.1 Förderquote", "FAQ" …
    sentence: SafeString  # escaped, matches in <mark>
    matched: int  # how many of the question's stems the sentence holds


def source_label(kind: str, title: str) -> str:
    if kind in SECTION_KINDS:
        return str(_("Abschnitt %(label)s") % {"label": title})
    return str(SOURCE_LABELS.get(kind, ""))


def answer_of(kind: str, title: str, body: str, terms: list[str]) -> Answer:
    sentence, matched = best_sentence(body or title, terms)
    return Answer(
        source=source_label(kind, title), sentence=highlight(sentence, terms), matched=matched
    )
