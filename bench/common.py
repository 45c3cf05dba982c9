"""What every step of bench/generate.py shares: the batch size, the people
the benchmark signs in as, and the context steps hand on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BATCH = 2_000

# The people the benchmark signs in as.
BENCH_CONTACT_EMAIL = "ansprech@bench.ikone.invalid"
BENCH_COORDINATOR_EMAIL = "koordination@bench.ikone.invalid"


@dataclass
class Context:
    """What earlier steps created, for later ones."""

    organization_ids: list[int] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
