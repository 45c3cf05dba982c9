"""The section texts of a "Modellprojekte Smart Cities" round: short German
paraphrases of the facts in `data/calls.yaml` (see `smartcities.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ikone.core.datetimes import numeric


def _euro(value: int) -> str:
    """150000000 -> "150 Millionen Euro"; 2500000 -> "2,5 Millionen Euro"."""
    millions = value / 1_000_000
    text = f"{millions:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    text = text.removesuffix(",0")
    return f"{text} Millionen Euro"


def _date(value: dt.date) -> str:
    return numeric(value)


def duration_de(text: str) -> str:
    out = text.replace("about", "etwa").replace("up to", "bis zu")
    out = out.replace("(12 months)", "(12 Monate)")
    return out.replace("years", "Jahre").replace("year", "Jahr")


SIZE_DEFINITIONS = {
    # German wording of the `definition` fields of common.size_categories.
    "grossstadt": "mehr als 100.000 Einwohnerinnen und Einwohner",
    "mittelstadt": "20.000 bis 100.000 Einwohnerinnen und Einwohner",
    "kleinstadt_landgemeinde": "weniger als 20.000 Einwohnerinnen und Einwohner",
    "kooperation_landkreis": "Kooperationen mehrerer Kommunen und Landkreise",
}


def _deadline_text(facts: dict[str, Any]) -> str:
    deadline = f"Bewerbungen waren bis zum {_date(facts['deadline'])} einzureichen."
    if facts.get("deadline_original"):
        deadline += (
            f" Die ursprüngliche Frist ({_date(facts['deadline_original'])}) wurde wegen der "
            "COVID-19-Lage um einen Monat verlängert."
        )
    if facts.get("questions_until"):
        deadline += f" Fragen zum Aufruf konnten bis zum {_date(facts['questions_until'])} gestellt werden."

    return deadline


def _result_text(facts: dict[str, Any], labels: dict[str, str]) -> str:
    cats = facts.get("projects_selected_by_category") or {}
    result_lines = []
    if facts.get("applications_received"):
        prefix = "etwa " if facts["year"] == 2019 else ""
        result_lines.append(
            f"Eingegangen sind {prefix}{facts['applications_received']} Bewerbungen."
        )
    if facts.get("projects_selected"):
        result_lines.append(f"Ausgewählt wurden {facts['projects_selected']} Modellprojekte:")
        result_lines.append(
            "\n".join(f"- {labels[k]}: {v}" for k, v in cats.items() if k in labels)
        )
    result = "\n".join(result_lines[:2]) + (
        "\n" + result_lines[2] if len(result_lines) > 2 else ""
    )

    return result


def call_sections(
    facts: dict[str, Any], common: dict[str, Any], programme: dict[str, Any]
) -> list:
    rate = common["funding_rate"]
    phase_caps = {p["key"]: p["cap_eur"] for p in common["phases"]}
    phases = facts["phases"]
    labels = {c["key"]: c["label_de"] for c in common["size_categories"]}
    year = facts["year"]

    goal = (
        "Der Bund sucht Kommunen, die die Digitalisierung im Sinne einer nachhaltigen, "
        "integrierten Stadtentwicklung gestalten. Die Smart City Charta ist dafür der "
        "leitende Rahmen."
    )
    if facts.get("theme_de"):
        goal += f"\n\nDiese Staffel steht unter dem Motto „{facts['theme_de']}“."
    requirements = [
        "Strategien sollen integriert und sektorübergreifend angelegt sein und einen Raumbezug haben.",
        "Die Verwaltung soll mit lokalen Akteuren (Stadtwerke, Verkehrsunternehmen, "
        "Wohnungswirtschaft, Wirtschaft, Zivilgesellschaft) und der Forschung zusammenarbeiten.",
    ]
    if year == 2019:
        requirements.insert(
            0,
            "Die Strategien sollen mindestens drei Sektoren verbinden, die Lebensqualität "
            "verbessern und den öffentlichen Raum aufwerten.",
        )
    if year == 2021:
        requirements.insert(
            0,
            "Im Blick stehen die Aufgaben nach der Pandemie: Städte und ländliche Räume und "
            "den gesellschaftlichen Zusammenhalt stärken und neu gestalten, digitale Räume "
            "als neue Dimension einbeziehen, ohne langfristige Ziele wie Klimaschutz und "
            "Lebensqualität aus dem Blick zu verlieren.",
        )

    eligible = (
        "Antragsberechtigt sind kommunale Gebietskörperschaften (Städte, Gemeinden, Kreise) "
        "und Gemeindeverbände in Deutschland.\n\n"
        "Jede antragsberechtigte Stelle darf nur eine Bewerbung je Aufruf einreichen "
        "oder sich an nur einer beteiligen."
    )
    cooperation = (
        "Auch interkommunale Kooperationen wie Städtenetzwerke oder Stadt-Umland-Verbünde "
        "können sich bewerben; die Bewerbung reicht eine federführende Gebietskörperschaft "
        "ein.\n\nLandkreise sollen sich möglichst gemeinsam mit Gemeinden bewerben, weil "
        "Stadtentwicklung vor allem Aufgabe der Gemeinden ist. Stadtstaaten bewerben sich "
        "über die Landesverwaltung."
    )
    sizes = "Die Bewerbungen werden in vier Gruppen verglichen:\n" + "\n".join(
        f"- {c['label_de']} ({SIZE_DEFINITIONS[c['key']]})" for c in common["size_categories"]
    )

    rates = (
        f"Der Bund fördert {rate['federal_share_percent']} % der förderfähigen Ausgaben; "
        f"der Eigenanteil der Kommune beträgt {rate['own_share_percent']} %."
    )
    emergency = (
        f"Kommunen in einer Haushaltsnotlage erhalten bis zu "
        f"{rate['federal_share_percent_budget_emergency']} % Förderung; ihr Eigenanteil sinkt "
        f"auf {rate['own_share_percent_budget_emergency']} %.\n\n"
        "Berichtet wird zum Beispiel, dass eine Bestätigung des Landesinnenministeriums oder "
        "eine Haushaltssicherung für den niedrigeren Eigenanteil genügte. Ein Land kann "
        "zusätzlich eigene Mittel geben."
    )
    caps = (
        f"Für Phase A gilt eine Obergrenze von {_euro(phase_caps['A'])}, für Phase B von "
        f"{_euro(phase_caps['B'])}. Die Quellen lesen die Grenzen überwiegend als Obergrenzen "
        "der förderfähigen Ausgaben je Projekt; maßgeblich ist das Merkblatt der jeweiligen "
        "Staffel. Grenzen je Größenklasse gab es nicht."
    )
    phase_a = f"Die Strategiephase dauert {duration_de(phases['strategy_phase'])}."
    phase_b = f"Die Umsetzungsphase dauert {duration_de(phases['implementation_phase'])}."
    direct = (
        "Kommunen mit einer Smart-City-Strategie, die den Anforderungen des Aufrufs "
        "entspricht, können sich direkt für die Umsetzungsphase bewerben und reichen die "
        "Strategie mit ein."
    )
    council = "Der Ratsbeschluss sollte erklären, dass die Kommune\n" + "\n".join(
        f"- {line}"
        for line in [
            "das Modellprojekt mit ihrer Öffentlichkeit in einem Beteiligungsprozess entwickelt,",
            "einem strategischen Ansatz im Sinne der Smart City Charta folgt,",
            "Smart City ressortübergreifend und nicht als Fachprojekt versteht,",
            "den Eigenanteil kennt und bereitstellt und",
            "bereit ist, als Modell für und mit anderen Kommunen zu lernen.",
        ]
    )
    if facts.get("council_resolution_deadline"):
        council += (
            "\n\nDer Beschluss konnte zunächst durch eine Eilentscheidung ersetzt und bis zum "
            f"{_date(facts['council_resolution_deadline'])} nachgereicht werden."
        )
    deadline = _deadline_text(facts)
    procedure = "\n".join(
        f"- {line}"
        for line in [
            "formale Prüfung auf Vollständigkeit und Bewertbarkeit,",
            "Bewertung jeder Bewerbung durch zwei Fachgutachterinnen oder Fachgutachter,",
            "Auswahl durch eine Jury aus Politik, Wissenschaft und kommunalen Spitzenverbänden.",
        ]
    )
    if facts.get("evaluation_criteria"):
        criteria = "Die bekannten Bewertungskriterien stehen in der Liste der Kriterien."
        if year == 2020:
            criteria += " Das Portal nennt zwölf Kriterien; nicht alle sind überliefert."
        if year == 2019:
            criteria += " Sie fassen die Auswahlziele der Ankündigung zusammen."
    else:
        criteria = (
            "Die Kriterienliste dieser Staffel liegt uns nicht vor. Als wichtig genannt werden "
            "unter anderem der Bezug zur integrierten Stadtentwicklung, der Raumbezug, ein "
            "inklusiver Ansatz, Open Source und übertragbare, skalierbare Lösungen."
        )
    open_source = (
        "Geförderte Kommunen tauschen ihre Erfahrungen über den Kreis der Geförderten hinaus "
        "aus und stellen geförderte Software als Open Source bereit („Public Money – Public "
        "Code“); vorgesehene Plattform ist OpenCoDE.de. Eine Koordinierungs- und "
        "Transferstelle begleitet die Modellprojekte."
    )
    result = _result_text(facts, labels)

    return [
        {
            "title": "Ziel des Aufrufs",
            "text": goal,
            "sections": [
                {"title": "Anforderungen", "text": "\n".join(f"- {r}" for r in requirements)}
            ],
        },
        {
            "title": "Antragsberechtigte",
            "text": eligible,
            "sections": [
                {"title": "Kooperationen", "text": cooperation},
                {"title": "Größenklassen", "text": sizes},
            ],
        },
        {
            "title": "Förderung",
            "text": "Die Förderung ist ein Zuschuss zu den förderfähigen Ausgaben; die KfW wickelt ihn ab.",
            "sections": [
                {"title": "Förderquote und Eigenanteil", "text": rates},
                {"title": "Kommunen in Haushaltsnotlage", "text": emergency},
                {"title": "Obergrenzen", "text": caps},
            ],
        },
        {
            "title": "Phasen",
            "text": "Modellprojekte beginnen mit einer Strategiephase (A) und setzen sie in einer Umsetzungsphase (B) um.",
            "sections": [
                {"title": "Phase A – Strategie", "text": phase_a},
                {"title": "Phase B – Umsetzung", "text": phase_b},
                {"title": "Direkteinstieg in Phase B", "text": direct},
            ],
        },
        {
            "title": "Bewerbung",
            "text": "Die Bewerbung wurde über ein Online-Formular eingereicht; die Unterlagen stehen in der Liste der erforderlichen Unterlagen.",
            "sections": [
                {"title": "Fristen", "text": deadline},
                {"title": "Ratsbeschluss", "text": council},
            ],
        },
        {
            "title": "Auswahlverfahren",
            "text": "Die Auswahl lief in mehreren Stufen:\n" + procedure,
            "sections": [{"title": "Bewertungskriterien", "text": criteria}],
        },
        {"title": "Open Source und Wissenstransfer", "text": open_source},
        {"title": "Ergebnis der Staffel", "text": result},
    ]
