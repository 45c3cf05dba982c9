"""What a call says, cut into passages that can answer a question.

- Section passages: each paragraph and list item of a section's text,
  labelled with the section ("3.1 Förderquote"). A list item keeps the
  sentence that introduces its list ("Bewerbungen werden in vier Gruppen
  verglichen: …"), so it still makes sense alone.
- Fact sentences: German sentences generated from the structured call data
  (rates, caps per phase, budget, dates including the council resolution,
  eligibility, required documents, phases, who pays out), so a question
  such as "Wie groß ist der Fördertopf der dritten Staffel?" finds the
  figure although no section states it.

Both are content in the call's language (German), like the section text,
and are stored in the search index; they are not interface strings.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import translation

from ikone.core.datetimes import format_date, format_datetime

_BLOCK = re.compile(r"<(p|li|blockquote)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
MIN_PASSAGE = 3  # characters; empty list items are skipped


@dataclass(frozen=True)
class Passage:
    text: str
    anchor: str = ""  # a fragment on the call page, for facts
    # What a fact is about ("Förderquote und Eigenanteil", "Termin"), the
    # title of its search document, as "3.1 Förderquote" is a passage's.
    topic: str = ""


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def section_passages(markup: str) -> list[str]:
    """Paragraphs and list items of sanitised section HTML, in order."""
    passages: list[str] = []
    introduction = ""
    for tag, inner in _BLOCK.findall(markup or ""):
        text = _plain(inner)
        if len(text) < MIN_PASSAGE:
            continue
        if tag.lower() == "li":
            passages.append(f"{introduction} {text}".strip() if introduction else text)
            continue
        introduction = text if text.endswith(":") else ""
        if not introduction:
            passages.append(text)
    if not passages and _plain(markup):
        passages.append(_plain(markup))
    return passages


def euro_text(value: Decimal | int) -> str:
    """300000000 -> "300 Millionen Euro", 2500000 -> "2,5 Millionen Euro",
    40000 -> "40.000 Euro"."""
    amount = Decimal(value)
    if amount >= 1_000_000:
        millions = (amount / 1_000_000).quantize(Decimal("0.1")).normalize()
        unit = "Million" if millions == 1 else "Millionen"
        return f"{_german_number(millions)} {unit} Euro"
    return f"{_german_number(amount.quantize(Decimal(1)))} Euro"


def _german_number(value: Decimal) -> str:
    text = f"{value:,f}" if value != value.to_integral() else f"{int(value):,d}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def percent_text(value: Decimal) -> str:
    return f"{_german_number(value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)))} %"


def _money_facts(call: Any) -> list[Passage]:
    facts = []
    if call.federal_share is not None:
        facts.append(
            Passage(
                f"Der Bund fördert {percent_text(call.federal_share)} der förderfähigen Ausgaben "
                f"(Förderquote); die Kommune trägt {percent_text(call.own_share)} als Eigenanteil "
                "selbst.",
                "eckdaten",
                "Förderquote und Eigenanteil",
            )
        )
    if call.federal_share_budget_emergency is not None:
        facts.append(
            Passage(
                "In Haushaltsnotlage (Haushaltssicherung) fördert der Bund "
                f"{percent_text(call.federal_share_budget_emergency)}; der Eigenanteil der "
                f"Kommune beträgt dann {percent_text(call.own_share_budget_emergency)}.",
                "eckdaten",
                "Förderquote in Haushaltsnotlage",
            )
        )
    if call.total_budget is not None:
        facts.append(
            Passage(
                f"Das Fördervolumen (Gesamtbudget) des Aufrufs beträgt "
                f"{euro_text(call.total_budget)}.",
                "eckdaten",
                "Fördervolumen",
            )
        )
    if call.max_grant is not None:
        facts.append(
            Passage(
                f"Die Höchstförderung beträgt bis zu {euro_text(call.max_grant)}.",
                "eckdaten",
                "Höchstförderung",
            )
        )
    if call.min_grant is not None:
        facts.append(
            Passage(
                f"Die Mindestförderung beträgt {euro_text(call.min_grant)}.",
                "eckdaten",
                "Mindestförderung",
            )
        )
    return facts


def _date_facts(call: Any) -> list[Passage]:
    facts = []
    if call.published_on:
        facts.append(
            Passage(
                f"Der Aufruf wurde am {format_date(call.published_on)} veröffentlicht.",
                "eckdaten",
                "Veröffentlichung",
            )
        )
    if call.deadline:
        facts.append(
            Passage(
                "Bewerbungen müssen bis zum "
                f"{format_datetime(call.deadline)} eingereicht werden (Einreichungsfrist, Abgabe).",
                "eckdaten",
                "Einreichungsfrist",
            )
        )
    for milestone in call.milestones.all():
        note = f" {milestone.note}" if milestone.note else ""
        facts.append(
            Passage(
                f"Termin – {milestone.label}: {format_date(milestone.date)}.{note}",
                "termine",
                "Termin",
            )
        )
    return facts


def _phase_facts(call: Any) -> list[Passage]:
    facts = []
    for phase in call.phases.all():
        name = phase.name if phase.name.startswith("Phase") else f"Phase {phase.name}"
        parts = []
        if phase.duration_months:
            parts.append(f"dauert höchstens {phase.duration_months} Monate")
        elif phase.duration_note:
            parts.append(f"dauert {phase.duration_note}")
        if phase.max_eligible_costs is not None:
            parts.append(
                f"förderfähige Ausgaben bis zu {euro_text(phase.max_eligible_costs)} (Obergrenze)"
            )
        if parts:
            facts.append(Passage(f"{name}: {'; '.join(parts)}.", "phasen", name))
    return facts


def _item_facts(call: Any) -> list[Passage]:
    facts = []
    documents = [doc.title for doc in call.required_documents.all() if not doc.retired]
    if documents:
        facts.append(
            Passage(
                "Einzureichende Unterlagen (Antragsunterlagen): " + "; ".join(documents) + ".",
                "unterlagen",
                "Unterlagen",
            )
        )
    if call.eligibility:
        facts.append(
            Passage(
                f"Antragsberechtigt sind: {_plain(call.eligibility)}",
                "eckdaten",
                "Antragsberechtigte",
            )
        )
    if call.funding_note:
        facts.append(Passage(_plain(call.funding_note), "eckdaten", "Hinweise zur Förderung"))
    if call.funder:
        facts.append(
            Passage(
                f"Fördermittelgeber ist {call.funder}; Programm: {call.programme}.",
                "eckdaten",
                "Fördermittelgeber",
            )
        )
    return facts


def call_facts(call: Any) -> list[Passage]:
    """Sentences about the call generated from its structured data (German,
    whatever language the process is in)."""
    with translation.override("de"):
        return [*_money_facts(call), *_date_facts(call), *_phase_facts(call), *_item_facts(call)]
