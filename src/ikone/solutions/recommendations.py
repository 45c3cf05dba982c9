"""Solutions recommended for a place, each with the reasons that are true for it.

The ranking adds points for what the place and the solution share
(docs/solutions.md gives the weights and why):

- each declared field of action the solution serves: +3
  ("passt zu Ihrem Handlungsfeld Mobilität")
- the solution suits the place's size class: +2
- each adoption (under way or running) by one of the place's precomputed
  peers: +3 ("von Bad Hönningen übernommen, einer ähnlichen Kommune")
- adoptions by places of the same size class: +1 each, at most +5
- semantic similarity between the stated needs and the solution's text
  (the search embeddings), above 0.3: up to +4
- an open licence: +1; an owner in the same Land: +0.5

A solution earns a place only with a reason beyond licence and Land. The
place's own solutions and those it adopted already are left out.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.accounts.models import Organization
from ikone.core.models import FieldOfAction
from ikone.municipalities.models import Level, Municipality
from ikone.solutions.models import (
    Adoption,
    InterestProfile,
    Peer,
    ReviewState,
    SizeClass,
    Solution,
)
from ikone.solutions.models.choices import OPEN_LICENCES, SIZE_BOUNDS, size_class_for
from ikone.solutions.scoring import EVIDENCE

LIMIT = 10
CANDIDATES = 50
SEMANTIC_CACHE_SECONDS = 300
SEMANTIC_THRESHOLD = 0.3
REGION_KINDS = frozenset({"district", "cooperation"})


@dataclass
class Recommendation:
    """A solution for the place with its points, its reasons as shown and,
    for each reason in the same order, a claim (code and the facts it
    states) that evaluation.check_claim verifies against the data."""

    solution: Solution
    points: float = 0.0
    reasons: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    def add(self, points: float, reason: str, **claim: Any) -> None:
        self.points += points
        self.reasons.append(reason)
        self.claims.append(claim)


@dataclass(frozen=True)
class Place:
    """Who the recommendations are for. `declared` (fields of action, as
    FieldOfAction objects or ids, and a needs text) stands in for the
    organisation's interest profile: the evaluation's profiles, or a view
    that has read the profile already (saves reading it twice)."""

    municipality: Municipality | None
    organization: Any = None  # accounts.Organization
    declared: tuple[tuple[Any, ...], str] | None = None

    @property
    def size_class(self) -> str | None:
        unit = self.municipality
        is_region = bool(
            (self.organization is not None and self.organization.kind in REGION_KINDS)
            or (unit is not None and unit.level == Level.DISTRICT)
        )
        return size_class_for(population=unit.population if unit else None, is_region=is_region)


def _interests(place: Place) -> tuple[list[FieldOfAction], str]:
    if place.declared is not None:
        fields, needs = place.declared
        if all(isinstance(item, FieldOfAction) for item in fields):
            return list(fields), needs
        return list(FieldOfAction.objects.filter(pk__in=fields)), needs
    if place.organization is None:
        return [], ""
    profile = (
        InterestProfile.objects.filter(organization=place.organization)
        .prefetch_related("fields_of_action")
        .first()
    )
    if profile is None:
        return [], ""
    return list(profile.fields_of_action.all()), profile.needs


def _peer_adopters(place: Place) -> dict[int, dict[int, str]]:
    """solution id → {unit id: name} of peer places that adopted it."""
    if place.municipality is None:
        return {}
    peer_ids = Peer.objects.filter(municipality=place.municipality).values_list("peer_id")
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for solution_id, unit_id, name in Adoption.objects.filter(
        organization__municipality_id__in=peer_ids, status__in=EVIDENCE
    ).values_list(
        "solution_id", "organization__municipality_id", "organization__municipality__name_short"
    ):
        found[solution_id][unit_id] = name
    return found


def _size_filter(size: str) -> Q:
    """Adoptions by organisations of the size class, as a database filter."""
    if size == SizeClass.REGION:
        return Q(organization__kind__in=REGION_KINDS)
    bounds = [0, *(bound for bound, _size in SIZE_BOUNDS), None]
    index = [SizeClass.VILLAGE, SizeClass.SMALL_TOWN, SizeClass.MEDIUM_TOWN, SizeClass.CITY].index(
        SizeClass(size)
    )
    low, high = bounds[index], bounds[index + 1]
    condition = Q(organization__municipality__population__gte=low) & ~Q(
        organization__kind__in=REGION_KINDS
    )
    if high is not None:
        condition &= Q(organization__municipality__population__lt=high)
    return condition


def _same_size_adopters(size: str | None) -> dict[int, int]:
    """solution id → adoptions by places of the size class (one grouped query)."""
    if size is None:
        return {}
    rows = (
        Adoption.objects.filter(_size_filter(size), status__in=EVIDENCE)
        .values("solution_id")
        .annotate(count=Count("id"))
        .values_list("solution_id", "count")
    )
    return dict(rows)


def _semantic(needs: str) -> dict[int, float]:
    """solution id → cosine of its search document with the stated needs.
    Encoding a text costs a third of a second, so the result is cached per
    text for a few minutes (the catalogue changes slowly)."""
    if not needs.strip():
        return {}
    key = "solutions:semantic:" + hashlib.sha256(needs.encode()).hexdigest()
    cached: dict[int, float] | None = cache.get(key)
    if cached is not None:
        return cached
    from ikone.core.search.embeddings import similar
    from ikone.core.search.models import SearchDocument

    hits = dict(similar(needs, kinds=("solution",), limit=50))
    ids = SearchDocument.objects.filter(pk__in=hits).values_list("pk", "object_id")
    found = {int(object_id): hits[pk] for pk, object_id in ids}
    cache.set(key, found, SEMANTIC_CACHE_SECONDS)
    return found


def _excluded(place: Place) -> set[int]:
    if place.organization is None:
        return set()
    own = set(place.organization.solutions.values_list("pk", flat=True))
    adopted = set(
        Adoption.objects.filter(organization=place.organization).values_list(
            "solution_id", flat=True
        )
    )
    return own | adopted


@dataclass(frozen=True)
class Evidence:
    """Everything the ranking knows about the place, read once."""

    wanted: dict[int, str]
    size: str | None
    size_label: str
    land: str
    peers: dict[int, dict[int, str]]
    same_size: dict[int, int]
    semantic: dict[int, float]


def _evidence(place: Place) -> Evidence:
    fields, needs = _interests(place)
    size = place.size_class
    return Evidence(
        wanted={item.pk: item.label for item in fields},
        size=size,
        size_label=str(dict(SizeClass.choices).get(size or "", "")),
        land=place.municipality.ags[:2] if place.municipality else "",
        peers=_peer_adopters(place),
        same_size=_same_size_adopters(size),
        semantic=_semantic(needs),
    )


def _fit_reasons(result: Recommendation, evidence: Evidence) -> None:
    solution = result.solution
    for item in solution.fields_of_action.all():
        if item.pk in evidence.wanted:
            result.add(
                3,
                _("passt zu Ihrem Handlungsfeld %(field)s") % {"field": evidence.wanted[item.pk]},
                code="field",
                field=item.pk,
            )
    if evidence.size and evidence.size in solution.suits_sizes:
        result.add(
            2,
            _("passt zu Orten Ihrer Größe: %(size)s") % {"size": evidence.size_label},
            code="size",
            size=evidence.size,
        )
    similarity = evidence.semantic.get(solution.pk, 0.0)
    if similarity >= SEMANTIC_THRESHOLD:
        result.add(
            round(4 * similarity, 2),
            _("ähnlich zu dem, was Sie suchen"),
            code="semantic",
            similarity=similarity,
        )


def _adoption_reasons(result: Recommendation, evidence: Evidence) -> None:
    solution_id = result.solution.pk
    adopters = evidence.peers.get(solution_id, {})
    if adopters:
        names = sorted(adopters.values())
        result.add(
            3 * len(adopters),
            ngettext(
                "von %(names)s übernommen, einer Kommune ähnlich wie Ihre",
                "von %(names)s übernommen, Kommunen ähnlich wie Ihre",
                len(adopters),
            )
            % {"names": ", ".join(names)},
            code="peer_adopters",
            units=sorted(adopters),
        )
    count = evidence.same_size.get(solution_id, 0)
    if count:
        result.add(
            min(count, 5),
            ngettext(
                "von %(count)d Kommune ähnlicher Größe übernommen",
                "von %(count)d Kommunen ähnlicher Größe übernommen",
                count,
            )
            % {"count": count},
            code="same_size",
            size=evidence.size,
            count=count,
        )


def _minor_reasons(result: Recommendation, evidence: Evidence) -> None:
    solution = result.solution
    if solution.licence in OPEN_LICENCES:
        result.add(1, _("offene Lizenz"), code="open_licence")
    owner_lands = {
        organization.municipality.ags[:2]
        for organization in solution.organizations.all()
        if organization.municipality is not None
    }
    if evidence.land and evidence.land in owner_lands:
        result.add(0.5, _("aus Ihrem Land"), code="land", land=evidence.land)


def _pre_scores(evidence: Evidence, excluded: set[int]) -> dict[int, float]:
    """The points of the strong reasons per solution id, from ids only (two
    queries), so that a catalogue of thousands is never loaded as objects."""
    scores: dict[int, float] = defaultdict(float)
    published = Solution.objects.filter(review_state=ReviewState.PUBLISHED)
    if evidence.wanted:
        through = Solution.fields_of_action.through
        for solution_id in through.objects.filter(
            fieldofaction_id__in=list(evidence.wanted),
            solution__review_state=ReviewState.PUBLISHED,
        ).values_list("solution_id", flat=True):
            scores[solution_id] += 3
    if evidence.size:
        for solution_id in published.filter(
            suits_sizes__icontains=f'"{evidence.size}"'
        ).values_list("pk", flat=True):
            scores[solution_id] += 2
    for solution_id, adopters in evidence.peers.items():
        scores[solution_id] += 3 * len(adopters)
    for solution_id, count in evidence.same_size.items():
        scores[solution_id] += min(count, 5)
    for solution_id, similarity in evidence.semantic.items():
        if similarity >= SEMANTIC_THRESHOLD:
            scores[solution_id] += round(4 * similarity, 2)
    for solution_id in excluded:
        scores.pop(solution_id, None)
    return scores


def _candidates(evidence: Evidence, excluded: set[int], *, keep: int) -> list[Solution]:
    """The `keep` best solutions by their strong reasons, loaded with what
    the reasons need (three queries). Licence and Land (at most 1.5 points)
    only reorder these."""
    scores = _pre_scores(evidence, excluded)
    best = sorted(scores, key=lambda solution_id: -scores[solution_id])[:keep]
    return list(
        Solution.objects.filter(pk__in=best, review_state=ReviewState.PUBLISHED)
        .select_related("model_project")
        .prefetch_related(
            "fields_of_action",
            Prefetch(
                "organizations", queryset=Organization.objects.select_related("municipality")
            ),
        )
    )


def recommend(place: Place, *, limit: int = LIMIT) -> list[Recommendation]:
    """The best `limit` solutions for the place, each with its true reasons."""
    evidence = _evidence(place)
    results = []
    for solution in _candidates(evidence, _excluded(place), keep=max(CANDIDATES, limit)):
        result = Recommendation(solution)
        _fit_reasons(result, evidence)
        _adoption_reasons(result, evidence)
        if not result.reasons:
            continue
        _minor_reasons(result, evidence)
        results.append(result)
    results.sort(key=lambda item: (-item.points, item.solution.title))
    return results[:limit]


def recommend_memoised(place: Place) -> list[Recommendation]:
    """`recommend(place)` as a memo (ikone.core.pagecache.memo): reused until
    a table it read changes, at most as long as its semantic hits are cached
    (those come from a cache of their own). Reasons are translated text, so
    each language has its entry. The recommendations page and the draft's
    section panel share it."""
    from django.utils.translation import get_language

    from ikone.core.pagecache import memo

    municipality = place.municipality.pk if place.municipality else ""
    organization = place.organization.pk if place.organization else ""
    key = f"solutions:recommend:{get_language()}:{municipality}:{organization}"
    return memo.get_or_compute(key, lambda: recommend(place), SEMANTIC_CACHE_SECONDS)
