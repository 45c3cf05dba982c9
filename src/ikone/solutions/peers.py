"""Similar municipalities to learn from, precomputed for every Gemeinde.

Each Gemeinde with known population and area is a point: log10 of its
population, log10 of its density, its Land, its Kreis, whether it is a
town (Stadt) or not. The distance between two places is

    2·|Δ log population| + |Δ log density| + 0.5 (other Land)
    + 0.2 (other Kreis) + 0.3 (town vs. village) − 0.4 (a place to learn from)

where a place to learn from is a model project or has adopted a solution
(those come first, as the issue asks, but only among similar places). The
five nearest are stored in `Peer` with their reasons as codes that are
rendered in the reader's language (`reason_text`).

Why precomputed: one place against all 10,751 on every page view is a full
table scan plus 10,751 distances; `ikone rebuild_peers` computes all of them
with numpy in blocks (a few seconds) after an import, and a page then reads
five indexed rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.municipalities.models import Level, Municipality
from ikone.solutions.models import Adoption, ModelProject, Peer

PEERS = 5
BLOCK = 512
SIMILAR = 0.15  # |Δ log10| below this counts as "similar" (about ±40 %)


@dataclass(frozen=True)
class Place:
    pk: int
    population: int
    density: float
    state: str
    district: str
    is_town: bool


def _places() -> list[Place]:
    rows = Municipality.objects.filter(
        level=Level.MUNICIPALITY, population__gt=0, area_km2__gt=0
    ).values_list("pk", "ags", "population", "area_km2", "type_label")
    return [
        Place(
            pk=pk,
            population=int(population or 0),
            density=float(population or 0) / float(area or 1),
            state=ags[:2],
            district=ags[:5],
            is_town="stadt" in (label or "").lower(),
        )
        for pk, ags, population, area, label in rows
    ]


def learning_places() -> dict[int, dict[str, Any]]:
    """Gemeinden to learn from: model-project round and adoption count, by pk."""
    found: dict[int, dict[str, Any]] = {}
    for unit_id, year in ModelProject.objects.filter(
        organization__municipality__level=Level.MUNICIPALITY
    ).values_list("organization__municipality_id", "round_year"):
        found.setdefault(unit_id, {})["model_project"] = year
    for unit_id in Adoption.objects.filter(
        organization__municipality__level=Level.MUNICIPALITY
    ).values_list("organization__municipality_id", flat=True):
        entry = found.setdefault(unit_id, {})
        entry["adoptions"] = entry.get("adoptions", 0) + 1
    return found


def _nearest(
    places: list[Place], learning: dict[int, dict[str, Any]]
) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    population = np.log10([place.population for place in places])
    density = np.log10([place.density for place in places])
    states = np.array([place.state for place in places])
    districts = np.array([place.district for place in places])
    towns = np.array([place.is_town for place in places])
    bonus = np.array([0.4 if place.pk in learning else 0.0 for place in places])
    for start in range(0, len(places), BLOCK):
        rows = slice(start, min(start + BLOCK, len(places)))
        distance = (
            2 * np.abs(population[rows, None] - population[None, :])
            + np.abs(density[rows, None] - density[None, :])
            + 0.5 * (states[rows, None] != states[None, :])
            + 0.2 * (districts[rows, None] != districts[None, :])
            + 0.3 * (towns[rows, None] != towns[None, :])
            - bonus[None, :]
        )
        for offset in range(distance.shape[0]):
            distance[offset, start + offset] = np.inf  # never oneself
        top = np.argpartition(distance, PEERS, axis=1)[:, :PEERS]
        for offset, candidates in enumerate(top):
            order = candidates[np.argsort(distance[offset, candidates], kind="stable")]
            yield start + offset, [(int(index), float(distance[offset, index])) for index in order]


def reasons_for(
    place: Place, peer: Place, learning: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Why `peer` resembles `place`, as codes with their figures."""
    reasons: list[dict[str, Any]] = []
    if abs(math.log10(place.population) - math.log10(peer.population)) < SIMILAR:
        reasons.append({"code": "size", "population": peer.population})
    if abs(math.log10(place.density) - math.log10(peer.density)) < SIMILAR:
        reasons.append({"code": "density", "density": round(peer.density)})
    if place.is_town == peer.is_town:
        reasons.append({"code": "town" if peer.is_town else "village"})
    if place.district == peer.district:
        reasons.append({"code": "district"})
    elif place.state == peer.state:
        reasons.append({"code": "state"})
    if learning and "model_project" in learning:
        reasons.append({"code": "model_project", "year": learning["model_project"]})
    if learning and learning.get("adoptions"):
        reasons.append({"code": "adoptions", "count": learning["adoptions"]})
    return reasons


def reason_text(reason: dict[str, Any]) -> str:
    """One reason in plain language (German, English under /en/)."""
    code = reason.get("code")
    if code == "size":
        return _("ähnlich groß (%(population)s Einwohner)") % {
            "population": number_format(reason["population"], force_grouping=True)
        }
    if code == "density":
        return _("ähnlich dicht besiedelt (%(density)s Einwohner je km²)") % {
            "density": number_format(reason["density"], force_grouping=True)
        }
    if code == "town":
        return _("ebenfalls eine Stadt")
    if code == "village":
        return _("ebenfalls eine Gemeinde ohne Stadtrecht")
    if code == "district":
        return _("im selben Kreis")
    if code == "state":
        return _("im selben Land")
    if code == "model_project":
        return _("Modellprojekt Smart Cities (%(year)s)") % {"year": reason["year"]}
    if code == "adoptions":
        count = reason["count"]
        return ngettext(
            "hat %(count)d Lösung übernommen", "hat %(count)d Lösungen übernommen", count
        ) % {"count": count}
    return ""


@transaction.atomic
def rebuild() -> int:
    """Recompute the peers of every Gemeinde; returns how many rows were written."""
    places = _places()
    learning = learning_places()
    Peer.objects.all().delete()
    batch: list[Peer] = []
    written = 0
    for index, nearest in _nearest(places, learning):
        place = places[index]
        for rank, (other, distance) in enumerate(nearest, start=1):
            peer = places[other]
            batch.append(
                Peer(
                    municipality_id=place.pk,
                    peer_id=peer.pk,
                    rank=rank,
                    distance=round(distance, 4),
                    reasons=reasons_for(place, peer, learning.get(peer.pk)),
                )
            )
        if len(batch) >= 5000:
            Peer.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    Peer.objects.bulk_create(batch)
    return written + len(batch)
