"""What a question costs the suggestions when it has not been asked before:
bench/run.py repeats one question, so since the result memo
(`suggestions.remembered`, docs/search.md) its row measures a memo hit.
This asks every question of the development set once, through `suggest`
(what the memo computes on a miss), at bench volume, as the bench's
Ansprechperson, in this process:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/suggestions_fresh.py

Prints the median and 95th percentile of wall time, CPU time of this
process and the number of queries per question, and the throughput two
cores would reach if CPU were all a request cost (2000 / median CPU ms:
an upper bound, PostgreSQL's own CPU comes on top). Each question's
embedding is computed before it is timed, as typing computes it once
(`query_vectors`); the vector snapshot and the rarity counts are warmed by
one question first.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent / "src"))
sys.path.insert(0, str(BENCH_DIR))

from common import BENCH_CONTACT_EMAIL  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ikone.accounts.models import User
    from ikone.calls.models import Call
    from ikone.core.search.audience import audience_for
    from ikone.core.search.embeddings import encode
    from ikone.qa.retrieval.evaluation import load
    from ikone.qa.retrieval.suggestions import suggest

    audience = audience_for(User.objects.get(email=BENCH_CONTACT_EMAIL))
    data = load()
    call_id = Call.objects.get(slug=data["call"]).pk
    questions = [item["q"] for item in (*data["questions"], *data.get("everywhere", []))]
    suggest(audience=audience, title=questions[0], call_id=call_id)
    walls, cpus, counts = [], [], []
    for text in questions[1:]:
        encode([text])
        wall, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            suggest(audience=audience, title=text, call_id=call_id)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
        counts.append(len(captured.captured_queries))
    print(f"{len(walls)} questions of the development set, each asked once:")
    print(f"  wall ms: median {statistics.median(walls):.1f}, p95 {percentile(walls, 0.95):.1f}")
    print(f"  CPU ms:  median {statistics.median(cpus):.1f}, p95 {percentile(cpus, 0.95):.1f}")
    print(f"  queries: median {statistics.median(counts):.0f}, max {max(counts)}")
    print(
        f"  two cores, CPU of this process only: at most {2000 / statistics.median(cpus):.0f} req/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
