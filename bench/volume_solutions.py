"""Solution profiles and adoptions for the benchmark (a step of
bench/generate.py's VOLUME_STEPS): 5,000 published profiles of the
benchmark organisations with fields of action, size classes and licences,
20,000 adoptions among the organisations, then the peers of every Gemeinde.
"""

from __future__ import annotations

import random

from common import BATCH, Context

SOLUTIONS = 5_000
ADOPTIONS = 20_000
# The profile the benchmark opens (many adopters).
BENCH_SOLUTION_SLUG = "bench-loesung-0042"
TOPICS = [
    "Bürgerbus-App", "Parkraumsensorik", "Raumbuchung", "Beteiligungsplattform",
    "Urbane Datenplattform", "Smarte Straßenbeleuchtung", "Leerstandsbörse",
    "Hitzeaktionsplan", "Digitale Bibliothek", "Coworking-Raum", "Schul-WLAN",
]  # fmt: skip
SIZES = ["village", "small_town", "medium_town", "city", "region"]
LICENCES = ["EUPL-1.2", "MIT", "AGPL-3.0-or-later", "proprietary", ""]


def add_solutions(rng: random.Random, context: Context) -> None:
    from ikone.core.models import FieldOfAction
    from ikone.core.text import fold
    from ikone.solutions import peers
    from ikone.solutions.models import Adoption, ReviewState, Solution

    fields = list(FieldOfAction.objects.all())
    organizations = context.organization_ids
    solutions = []
    for number in range(SOLUTIONS):
        title = f"{rng.choice(TOPICS)} {number}"
        solutions.append(
            Solution(
                title=title,
                slug=f"bench-loesung-{number:04d}",
                summary="Eine übertragbare Lösung aus dem Benchmark.",
                description="<p>Beschreibung mit <strong>Erfahrungen</strong>.</p>",
                status=rng.choice(["idea", "pilot", "operating"]),
                licence=rng.choice(LICENCES),
                suits_sizes=rng.sample(SIZES, 2),
                funding_programme=rng.choice(["", "Modellprojekte Smart Cities", "Landesmittel"]),
                review_state=ReviewState.PUBLISHED,
                search_text=fold(title),
            )
        )
    created = Solution.objects.bulk_create(solutions, batch_size=BATCH)
    owners = Solution.organizations.through
    owners.objects.bulk_create(
        [owners(solution_id=s.pk, organization_id=rng.choice(organizations)) for s in created],
        batch_size=BATCH,
    )
    topics = Solution.fields_of_action.through
    topics.objects.bulk_create(
        [
            topics(solution_id=s.pk, fieldofaction_id=field.pk)
            for s in created
            for field in rng.sample(fields, 2)
        ],
        batch_size=BATCH,
    )
    pairs: set[tuple[int, int]] = set()
    bench = created[42].pk
    for organization in organizations[:60]:
        pairs.add((bench, organization))
    while len(pairs) < ADOPTIONS:
        pairs.add((rng.choice(created).pk, rng.choice(organizations)))
    Adoption.objects.bulk_create(
        [
            Adoption(
                solution_id=solution,
                organization_id=organization,
                status=rng.choice(["planned", "in_progress", "operating", "operating"]),
                experience="<p>Läuft.</p>",
            )
            for solution, organization in pairs
        ],
        batch_size=BATCH,
    )
    context.counts["solutions"] = len(created)
    context.counts["adoptions"] = len(pairs)
    context.counts["peers"] = peers.rebuild()
