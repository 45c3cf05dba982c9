"""The transferability score of a solution: documented parts, never a bare
number (docs/solutions.md gives the formula and the reasons).

A part is earned from the profile's own data and from its adoptions; each
part carries the German sentence that says why. The parts add up to at most
100. Only adoptions that are under way or running count as evidence;
planned or abandoned ones do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.solutions.models.choices import (
    OPEN_LICENCES,
    AdoptionStatus,
    Effort,
    SolutionStatus,
)

EVIDENCE = frozenset({AdoptionStatus.IN_PROGRESS, AdoptionStatus.OPERATING})
MAX_POINTS = 100
DOCUMENTED_TEXT = 400  # characters of description that count as documentation


@dataclass(frozen=True)
class AdopterFacts:
    """What the score needs to know of one adoption."""

    status: str
    size_class: str | None
    kind: str


@dataclass(frozen=True)
class ScoreInput:
    licence: str
    code_repository: str
    description_length: int
    has_lessons: bool
    document_count: int
    data_standards: str
    interfaces: str
    preconditions: tuple[str, str, str]
    effort: str
    status: str
    adopters: Sequence[AdopterFacts]


@dataclass(frozen=True)
class Part:
    label: str
    points: int
    earned: bool


@dataclass(frozen=True)
class Transferability:
    parts: tuple[Part, ...]

    @property
    def total(self) -> int:
        return min(MAX_POINTS, sum(part.points for part in self.parts))

    @property
    def earned(self) -> list[Part]:
        return [part for part in self.parts if part.earned]

    @property
    def missing(self) -> list[Part]:
        return [part for part in self.parts if not part.earned]


def _adoption_parts(adopters: Iterable[AdopterFacts]) -> list[Part]:
    evidence = [adopter for adopter in adopters if adopter.status in EVIDENCE]
    count = len(evidence)
    sizes = {adopter.size_class for adopter in evidence if adopter.size_class}
    kinds = {adopter.kind for adopter in evidence}
    if count == 0:
        return [Part(_("noch von keiner Kommune übernommen"), 0, False)]
    points = 10 if count == 1 else 15 if count <= 3 else 20
    parts = [
        Part(
            ngettext(
                "von %(count)d Kommune übernommen",
                "von %(count)d Kommunen übernommen",
                count,
            )
            % {"count": count},
            points,
            True,
        )
    ]
    if len(sizes) >= 2 or len(kinds) >= 2:
        parts.append(Part(_("Übernehmende unterschiedlicher Größe oder Art"), 10, True))
    else:
        parts.append(Part(_("Übernehmende bisher nur einer Größe und Art"), 0, False))
    return parts


def _documentation_points(data: ScoreInput) -> int:
    points = 5 if data.description_length >= DOCUMENTED_TEXT else 0
    points += 5 if data.has_lessons else 0
    points += 5 if data.document_count else 0
    return points


def transferability(data: ScoreInput) -> Transferability:
    """The score's parts, in a fixed order, earned or not."""
    documentation = _documentation_points(data)
    effort_points = (
        {Effort.LOW: 5, Effort.MEDIUM: 2}.get(Effort(data.effort), 0) if data.effort else 0
    )
    parts = [
        Part(_("offene Lizenz"), 20, True)
        if data.licence in OPEN_LICENCES
        else Part(_("keine offene Lizenz angegeben"), 0, False),
        Part(_("Quellcode veröffentlicht"), 10, True)
        if data.code_repository
        else Part(_("kein Quellcode veröffentlicht"), 0, False),
        Part(_("dokumentiert (Beschreibung, Erfahrungen, Unterlagen)"), documentation, True)
        if documentation
        else Part(_("kaum dokumentiert"), 0, False),
        Part(_("offene Standards und Schnittstellen benannt"), 10, True)
        if data.data_standards.strip() or data.interfaces.strip()
        else Part(_("keine Standards oder Schnittstellen benannt"), 0, False),
        *_adoption_parts(data.adopters),
        Part(_("Voraussetzungen beschrieben"), 5, True)
        if all(text.strip() for text in data.preconditions)
        else Part(_("Voraussetzungen nicht vollständig beschrieben"), 0, False),
        Part(_("geringer bis mittlerer Aufwand der Übernahme"), effort_points, True)
        if effort_points
        else Part(_("hoher oder unbekannter Aufwand der Übernahme"), 0, False),
        Part(_("im Betrieb erprobt"), 5, True)
        if data.status == SolutionStatus.OPERATING
        else Part(_("noch nicht im Betrieb"), 0, False),
    ]
    return Transferability(parts=tuple(parts))
