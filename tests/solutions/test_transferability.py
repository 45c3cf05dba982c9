"""The transferability score: each part, its label, and the total."""

from __future__ import annotations

from ikone.solutions.scoring import AdopterFacts, ScoreInput, transferability

BARE = ScoreInput(
    licence="",
    code_repository="",
    description_length=0,
    has_lessons=False,
    document_count=0,
    data_standards="",
    interfaces="",
    preconditions=("", "", ""),
    effort="",
    status="idea",
    adopters=(),
)


def earned(data: ScoreInput) -> dict[str, int]:
    return {part.label: part.points for part in transferability(data).earned}


def test_a_bare_profile_earns_nothing_and_says_why():
    score = transferability(BARE)
    assert score.total == 0
    assert "keine offene Lizenz angegeben" in [part.label for part in score.missing]
    assert "noch von keiner Kommune übernommen" in [part.label for part in score.missing]


def test_open_licence_and_code():
    data = BARE.__class__(
        **{**BARE.__dict__, "licence": "EUPL-1.2", "code_repository": "https://x"}
    )
    assert earned(data) == {"offene Lizenz": 20, "Quellcode veröffentlicht": 10}


def test_proprietary_licence_earns_nothing():
    data = BARE.__class__(**{**BARE.__dict__, "licence": "proprietary"})
    assert earned(data) == {}


def test_adopters_count_by_number_and_variety():
    adopters = (
        AdopterFacts("operating", "village", "municipality"),
        AdopterFacts("in_progress", "city", "city"),
        AdopterFacts("operating", "small_town", "municipality"),
        AdopterFacts("operating", "region", "district"),
        AdopterFacts("planned", "city", "city"),  # no evidence yet
    )
    data = BARE.__class__(**{**BARE.__dict__, "adopters": adopters})
    assert earned(data) == {
        "von 4 Kommunen übernommen": 20,
        "Übernehmende unterschiedlicher Größe oder Art": 10,
    }


def test_one_adopter_of_one_kind():
    adopters = (AdopterFacts("operating", "village", "municipality"),)
    data = BARE.__class__(**{**BARE.__dict__, "adopters": adopters})
    assert earned(data) == {"von 1 Kommune übernommen": 10}


def test_a_full_profile_reaches_100():
    adopters = tuple(
        AdopterFacts("operating", size, "municipality")
        for size in ("village", "small_town", "city", "medium_town")
    )
    data = ScoreInput(
        licence="MIT",
        code_repository="https://gitlab.opencode.de/x",
        description_length=800,
        has_lessons=True,
        document_count=2,
        data_standards="OParl",
        interfaces="REST",
        preconditions=("eine Stelle", "Geodaten", "LoRaWAN"),
        effort="low",
        status="operating",
        adopters=adopters,
    )
    score = transferability(data)
    assert score.total == 100
    assert score.missing == []
