"""How good recommendations and peers are: precision@5 against what a
coordinator expects, and whether every reason shown is true.

Two sets in solutions/data/: the development set (recommendation_eval.yaml,
the one weights may be tuned on) and the blind test set
(recommendation_test.yaml, written first and never tuned on). Both are run
against the current database (`ikone eval_recommendations`; figures of the
demo data in docs/solutions.md).

A reason is checked from its claim (recommendations.Recommendation.claims)
with queries of its own, not with the ranking's code: a field of action the
profile declared and the solution serves; the place's size class among the
solution's; peers that really are stored as peers and adopted it; the count
of same-size adopters recounted in Python; the licence; the owners' Land;
the cosine recomputed from the stored embeddings.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from ikone.core.models import FieldOfAction
from ikone.municipalities.models import Level, Municipality
from ikone.solutions import peers as peer_module
from ikone.solutions.models import Adoption, ModelProject, Peer, Solution
from ikone.solutions.models.choices import OPEN_LICENCES, size_class_for
from ikone.solutions.recommendations import (
    REGION_KINDS,
    SEMANTIC_THRESHOLD,
    Place,
    Recommendation,
    recommend,
)
from ikone.solutions.scoring import EVIDENCE

DATA = Path(__file__).resolve().parent / "data"
EVAL_FILE = DATA / "recommendation_eval.yaml"
TEST_FILE = DATA / "recommendation_test.yaml"
AT = 5


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("written"), datetime.date):
        raise ValueError(f"{path.name}: `written` must be a date")
    return data


@dataclass
class ReasonTally:
    checked: int = 0
    true: int = 0
    false: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.true / self.checked if self.checked else 1.0


@dataclass
class ProfileResult:
    name: str
    expected: list[str]
    ranked: list[str]

    @property
    def hits(self) -> int:
        return len(set(self.ranked[:AT]) & set(self.expected))


@dataclass
class RecommendationReport:
    results: list[ProfileResult] = field(default_factory=list)
    reasons: ReasonTally = field(default_factory=ReasonTally)
    unresolved: list[str] = field(default_factory=list)

    @property
    def precision_at_5(self) -> float:
        if not self.results:
            return 0.0
        return sum(result.hits / AT for result in self.results) / len(self.results)

    @property
    def ceiling(self) -> float:
        """The best precision@5 reachable: profiles expect fewer than five."""
        if not self.results:
            return 0.0
        return sum(min(len(r.expected), AT) / AT for r in self.results) / len(self.results)

    @property
    def hit_rate(self) -> float:
        """Share of profiles with at least one expected solution in the first five."""
        if not self.results:
            return 0.0
        return sum(1 for result in self.results if result.hits) / len(self.results)


@dataclass
class PeerReport:
    places: int = 0
    peers: int = 0
    right: int = 0
    reasons: ReasonTally = field(default_factory=ReasonTally)
    unresolved: list[str] = field(default_factory=list)

    @property
    def precision_at_5(self) -> float:
        return self.right / (self.places * AT) if self.places else 0.0


# --- Recommendations -------------------------------------------------------


def _size_of_adopter(adoption: Adoption) -> str | None:
    organization = adoption.organization
    unit = organization.municipality
    return size_class_for(
        population=unit.population if unit else None,
        is_region=organization.kind in REGION_KINDS,
    )


def _cosine(needs: str, solution: Solution) -> float:
    from ikone.core.search.embeddings import encode
    from ikone.core.search.models import SearchDocument

    document = SearchDocument.objects.filter(
        kind="solution", object_id=str(solution.pk), embedding__isnull=False
    ).first()
    if document is None or not document.embedding:
        return 0.0
    stored = np.frombuffer(document.embedding, dtype=np.float32)
    return float(encode([needs])[0] @ stored)


def _check_field(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    return claim["field"] in context["declared"] and (
        solution.fields_of_action.filter(pk=claim["field"]).exists()
    )


def _check_size(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    return claim["size"] == context["size"] and context["size"] in solution.suits_sizes


def _check_peer_adopters(
    claim: dict[str, Any], solution: Solution, context: dict[str, Any]
) -> bool:
    unit = context["unit"]
    for peer_id in claim["units"]:
        if not Peer.objects.filter(municipality=unit, peer_id=peer_id).exists():
            return False
        if not Adoption.objects.filter(
            solution=solution, organization__municipality_id=peer_id, status__in=EVIDENCE
        ).exists():
            return False
    return bool(claim["units"])


def _check_same_size(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    adoptions = Adoption.objects.filter(solution=solution, status__in=EVIDENCE).select_related(
        "organization__municipality"
    )
    count = sum(1 for adoption in adoptions if _size_of_adopter(adoption) == context["size"])
    return count == claim["count"] > 0


def _check_licence(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    return solution.licence in OPEN_LICENCES


def _check_land(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    unit = context["unit"]
    return solution.organizations.filter(municipality__ags__startswith=unit.ags[:2]).exists()


def _check_semantic(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    return _cosine(context["needs"], solution) >= SEMANTIC_THRESHOLD - 1e-4


CHECKS: dict[str, Callable[[dict[str, Any], Solution, dict[str, Any]], bool]] = {
    "field": _check_field,
    "size": _check_size,
    "peer_adopters": _check_peer_adopters,
    "same_size": _check_same_size,
    "open_licence": _check_licence,
    "land": _check_land,
    "semantic": _check_semantic,
}


def check_claim(claim: dict[str, Any], solution: Solution, context: dict[str, Any]) -> bool:
    """Whether one reason's claim holds for the solution and the place."""
    check = CHECKS.get(claim.get("code", ""))
    return bool(check and check(claim, solution, context))


def _tally(results: list[Recommendation], context: dict[str, Any], tally: ReasonTally) -> None:
    for result in results[:AT]:
        for reason, claim in zip(result.reasons, result.claims, strict=True):
            tally.checked += 1
            if check_claim(claim, result.solution, context):
                tally.true += 1
            else:
                tally.false.append(f"{context['name']}: {result.solution.slug}: {reason}")


def evaluate_recommendations(data: dict[str, Any]) -> RecommendationReport:
    report = RecommendationReport()
    fields = dict(FieldOfAction.objects.values_list("key", "pk"))
    known = set(Solution.objects.values_list("slug", flat=True))
    for profile in data["profiles"]:
        unit = Municipality.objects.filter(ags=profile["ags"]).first()
        missing = [slug for slug in profile["expected"] if slug not in known]
        if unit is None or missing:
            report.unresolved.append(f"{profile['name']} ({profile['ags']}) {' '.join(missing)}")
            continue
        declared = tuple(fields[key] for key in profile["fields"] if key in fields)
        needs = profile.get("needs", "")
        results = recommend(Place(municipality=unit, declared=(declared, needs)), limit=AT)
        report.results.append(
            ProfileResult(profile["name"], profile["expected"], [r.solution.slug for r in results])
        )
        size = size_class_for(population=unit.population, is_region=unit.level == Level.DISTRICT)
        context = {
            "name": profile["name"],
            "unit": unit,
            "declared": set(declared),
            "needs": needs,
            "size": size,
        }
        _tally(results, context, report.reasons)
    return report


# --- Peers -------------------------------------------------------------------


def _peer_reason_true(reason: dict[str, Any], unit: Municipality, peer: Municipality) -> bool:
    code = reason.get("code")
    if code in {"size", "density"}:
        mine, theirs = (
            (float(unit.population or 0), float(peer.population or 0))
            if code == "size"
            else (_density(unit), _density(peer))
        )
        return bool(mine and theirs) and (
            abs(math.log10(mine) - math.log10(theirs)) < peer_module.SIMILAR
        )
    if code in {"town", "village"}:
        towns = ["stadt" in (u.type_label or "").lower() for u in (unit, peer)]
        return towns[0] == towns[1] and towns[1] == (code == "town")
    if code == "district":
        return unit.ags[:5] == peer.ags[:5]
    if code == "state":
        return unit.ags[:2] == peer.ags[:2]
    if code == "model_project":
        return ModelProject.objects.filter(
            organization__municipality=peer, round_year=reason["year"]
        ).exists()
    if code == "adoptions":
        return Adoption.objects.filter(organization__municipality=peer).count() >= 1
    return False


def _density(unit: Municipality) -> float:
    return float(unit.population or 0) / float(unit.area_km2 or 1)


def evaluate_peers(data: dict[str, Any]) -> PeerReport:
    report = PeerReport()
    for expectation in data.get("peers", []):
        unit = Municipality.objects.filter(ags=expectation["ags"]).first()
        rows = list(Peer.objects.filter(municipality=unit).select_related("peer")) if unit else []
        if unit is None or not rows:
            report.unresolved.append(f"{expectation['name']} ({expectation['ags']})")
            continue
        low, high = expectation["population"]
        report.places += 1
        for row in rows[:AT]:
            report.peers += 1
            peer = row.peer
            fits = low <= (peer.population or 0) <= high
            if expectation.get("same_land"):
                fits = fits and peer.ags[:2] == unit.ags[:2]
            report.right += int(fits)
            for reason in row.reasons:
                report.reasons.checked += 1
                if _peer_reason_true(reason, unit, peer):
                    report.reasons.true += 1
                else:
                    report.reasons.false.append(
                        f"{expectation['name']} → {peer.name}: {peer_module.reason_text(reason)}"
                    )
    return report
