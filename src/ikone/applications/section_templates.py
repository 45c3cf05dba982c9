"""The default outline of a Smart City application: ten sections, each with
guiding questions and a minimum length. Drafts of a call without its own
`SectionTemplate` get these sections.

The questions paraphrase what the Smart City calls ask applicants to
explain (strategy in the sense of the Smart City Charta, participation,
transferability, own share); they are help for writing, not call text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str | Promise
    questions: tuple[str | Promise, ...]
    min_length: int


DEFAULT_TEMPLATE: tuple[SectionSpec, ...] = (
    SectionSpec(
        "ausgangslage",
        _("Ausgangslage"),
        (
            _("Welche Herausforderungen hat Ihre Kommune heute?"),
            _("Was wurde bei der Digitalisierung schon erreicht, worauf bauen Sie auf?"),
            _("Welche Daten und Analysen belegen den Handlungsbedarf?"),
        ),
        800,
    ),
    SectionSpec(
        "vision-ziele",
        _("Vision und Ziele"),
        (
            _("Wie soll Ihre Kommune in zehn Jahren aussehen?"),
            _("Welche messbaren Ziele setzen Sie sich?"),
            _("Wie passen die Ziele zur Smart City Charta?"),
        ),
        800,
    ),
    SectionSpec(
        "handlungsfelder-massnahmen",
        _("Handlungsfelder und Maßnahmen"),
        (
            _("Welche Handlungsfelder bearbeiten Sie?"),
            _("Welche Maßnahmen planen Sie in welcher Phase?"),
            _("Wie hängen die Maßnahmen mit den Zielen zusammen?"),
        ),
        1200,
    ),
    SectionSpec(
        "lokaler-charakter",
        _("Lokaler Charakter"),
        (
            _("Was macht Ihre Kommune unverwechselbar?"),
            _("Wie bewahrt die Strategie den eigenen Charakter des Ortes?"),
        ),
        500,
    ),
    SectionSpec(
        "uebertragbarkeit",
        _("Übertragbarkeit"),
        (
            _("Welche Ergebnisse können andere Kommunen übernehmen?"),
            _("Wie teilen Sie Software und Wissen (Open Source, Netzwerke)?"),
        ),
        500,
    ),
    SectionSpec(
        "beteiligung",
        _("Beteiligung"),
        (
            _("Wie beteiligen Sie Bürgerinnen und Bürger, Wirtschaft und Wissenschaft?"),
            _("Wer wurde bei der Vorbereitung der Bewerbung schon einbezogen?"),
        ),
        600,
    ),
    SectionSpec(
        "organisation-governance",
        _("Organisation und Governance"),
        (
            _("Wer steuert das Vorhaben, wer entscheidet?"),
            _("Wie arbeiten die Fachbereiche und Partner zusammen?"),
        ),
        500,
    ),
    SectionSpec(
        "finanzierung",
        _("Finanzierung"),
        (
            _("Wie hoch sind die Kosten je Phase und Jahr?"),
            _("Wie ist der Eigenanteil gesichert (Ratsbeschluss, Haushalt)?"),
        ),
        400,
    ),
    SectionSpec(
        "zeitplan",
        _("Zeitplan"),
        (
            _("Welche Meilensteine gibt es bis zur Einreichung und danach?"),
            _("Wann entscheidet der Rat?"),
        ),
        300,
    ),
    SectionSpec(
        "risiken",
        _("Risiken"),
        (
            _("Was könnte das Vorhaben gefährden?"),
            _("Wie begegnen Sie diesen Risiken?"),
        ),
        400,
    ),
)
