"""The three federal rounds of "Modellprojekte Smart Cities" (2019–2021).

Builds import-format mappings (see docs/calls.md) from the collected facts
in `data/calls.yaml` (sources in `data/SOURCES.md`). Every figure and date
comes from that file; the section texts are our own short German
paraphrases of those facts. Values the data marks as unknown (null) are
left out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ikone.calls.smartcities_sections import call_sections, duration_de

DATA = Path(__file__).resolve().parent / "data" / "calls.yaml"
ROUND_IDS = ("mpsc-2019", "mpsc-2020", "mpsc-2021")

DOCUMENT_TITLES = {
    # Short titles for the long labels of the data; descriptions keep the rest.
    "Online-Bewerbungsformular": "Online-Bewerbungsformular",
    "Ratsbeschluss": "Ratsbeschluss",
    "Erklärung der grundsätzlichen Bereitschaft": "Ratsbeschluss (Erklärung der Bereitschaft)",
    "Darstellung der wichtigsten Partner": "Darstellung der Partner und Akteure",
    "Projektplan": "Projektplan sowie Kosten- und Finanzierungsplan",
    "Falls vorhanden": "Bestehende Smart-City-Strategie (falls vorhanden)",
    "Gesiegelter Zuschussantrag": "Zuschussantrag bei der KfW",
    "Kostenschätzung": "Kosten- und Finanzierungsplan für die KfW",
    "Legitimationsnachweis": "Legitimationsnachweis der Vertretungsberechtigten",
    "Bei Direkteinstieg": "Smart-City-Strategie bei Direkteinstieg in Phase B",
}


@cache
def load_facts() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def round_facts(round_id: str) -> dict[str, Any]:
    for call in load_facts()["calls"]:
        if call["id"] == round_id:
            return call
    raise KeyError(round_id)


def _months(text: str) -> int | None:
    """Only exact durations become months ("2 years", "up to 5 years",
    "1 year (12 months)"); "about 2 years" stays text only."""
    if text.startswith("about"):
        return None
    words = text.replace("(", " ").split()
    for i, word in enumerate(words):
        if word.isdigit() and i + 1 < len(words) and words[i + 1].startswith("year"):
            return int(word) * 12
    return None


def _document(item: dict[str, Any], *, stage: str = "application") -> dict[str, Any]:
    label: str = item["label_de"]
    title = next((t for prefix, t in DOCUMENT_TITLES.items() if label.startswith(prefix)), label)
    description = label.replace("(Inhalt siehe common.council_resolution_content)", "").strip()
    description = description.replace("; vorläufig", ", vorläufig").strip()
    if "council_resolution_content" in label:
        description += " Inhalt siehe Abschnitt 5.2."
    if item.get("note"):
        description += " Genannt als Voraussetzung im IKONE-DS-Workshop vom Dezember 2020."
    return {
        "title": title[:300],
        "description": description if description != title else "",
        "mandatory": not label.startswith("Falls vorhanden"),
        "stage": stage,
    }


def _criteria(facts: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for item in facts.get("evaluation_criteria") or []:
        label = item.get("label_de")
        if not label or label.startswith("(truncated"):
            continue  # unreadable in the source: leave out
        result.append({"group": item.get("group") or "", "title": label})
    return result


def _milestones(facts: dict[str, Any]) -> list[dict[str, Any]]:
    candidates = [
        ("application_form_opened", "Bewerbungsformular freigeschaltet", ""),
        ("info_event", "Informationsveranstaltung", ""),
        ("questions_until", "Fragen zum Aufruf bis", ""),
        ("deadline_original", "Ursprüngliche Einreichungsfrist", "wegen COVID-19 verlängert"),
        (
            "council_resolution_deadline",
            "Ratsbeschluss nachreichen bis",
            "Eilentscheidung zunächst möglich",
        ),
        ("jury_decision", "Jurysitzung", ""),
        ("announced", "Bekanntgabe der Modellprojekte", ""),
        ("kickoff", "Auftaktveranstaltung", ""),
    ]
    out = [
        {"label": label, "date": facts[key], "note": note}
        for key, label, note in candidates
        if facts.get(key)
    ]
    return sorted(out, key=lambda m: m["date"])


def round_call(round_id: str) -> dict[str, Any]:
    """The import-format mapping (the part under `call:`) of one round."""
    facts = round_facts(round_id)
    data = load_facts()
    common = data["common"]
    programme = data["programme"]
    rate = common["funding_rate"]
    phases = facts["phases"]
    cap = {p["key"]: p for p in common["phases"]}
    eligible = "\n\n".join(
        [
            "Städte, Gemeinden, Kreise und Gemeindeverbände in Deutschland.",
            "Auch inter- und intrakommunale Kooperationen (Städtenetzwerke, "
            "Stadt-Umland-Partnerschaften) über eine federführende Gebietskörperschaft.",
            "Jede antragsberechtigte Stelle nur mit einer Bewerbung je Aufruf.",
        ]
    )
    documents = [_document(d) for d in facts.get("required_documents") or []]
    if facts["year"] == 2021:
        documents += [_document(d, stage="grant") for d in common["kfw_application_documents"]]
    sources = sorted(
        {
            v
            for k, v in facts.items()
            if isinstance(v, str) and k.endswith("source") and v.startswith("http")
        }
    )
    summary = (
        f"{facts['round']}. Staffel des Bundesprogramms „{programme['name_de']}“. "
        "Kommunen entwickeln eine integrierte Smart-City-Strategie und setzen sie um."
    )
    funding_note = (
        f"{rate['federal_share_percent']} % Bundesanteil, bis zu "
        f"{rate['federal_share_percent_budget_emergency']} % bei Haushaltsnotlage. "
        f"Fördervolumen: {facts['budget_note']}"
    )
    return {
        "slug": round_id,
        "programme": programme["name_de"],
        "funder": programme["funder"][0]["ministry_de"],
        "title": facts["title_de"],
        "theme": facts.get("theme_de") or "",
        "summary": summary,
        "eligibility": eligible,
        "total_budget": facts.get("budget_eur"),
        "published_on": facts["published"],
        "deadline": facts["deadline"],
        "status": "closed",
        "federal_share": rate["federal_share_percent"],
        "federal_share_budget_emergency": rate["federal_share_percent_budget_emergency"],
        "funding_note": funding_note,
        "sources": sources,
        "milestones": _milestones(facts),
        "phases": [
            {
                "key": "A",
                "name": "Phase A – Strategie",
                "duration_months": _months(phases["strategy_phase"]),
                "duration_note": duration_de(phases["strategy_phase"]),
                "max_eligible_costs": cap["A"]["cap_eur"],
                "description": "Entwicklung kommunaler Ziele, Strategien und Maßnahmen.",
            },
            {
                "key": "B",
                "name": "Phase B – Umsetzung",
                "duration_months": _months(phases["implementation_phase"]),
                "duration_note": duration_de(phases["implementation_phase"]),
                "max_eligible_costs": cap["B"]["cap_eur"],
                "description": "Umsetzung der Ziele, Strategien und Maßnahmen.",
            },
        ],
        "required_documents": documents,
        "criteria": _criteria(facts),
        "sections": call_sections(facts, common, programme),
    }
