"""The suggestions' lexical candidate query on PostgreSQL with and without
leaving out documents that hold only the commonest terms
(core/search/backends/rarity.py `informative`), at bench volume:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/candidate_terms.py

Prints, per question, the median wall time of the query (30 runs, in this
process, after one warm-up) both ways and whether the best 50 are the same.
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

QUESTIONS = [
    "Wie hoch ist der Eigenanteil der Kommune",
    "Bis wann muss der Ratsbeschluss der Kommune vorliegen?",
    "Wer entscheidet über die Förderung der Projekte?",
]
RUNS = 30


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")
    import django

    django.setup()
    from ikone.accounts.models import User
    from ikone.core.search.audience import audience_for
    from ikone.core.search.backends import rarity
    from ikone.qa.retrieval import ranking
    from ikone.qa.retrieval.suggestions import KNOWLEDGE_KINDS, QUESTION_KINDS
    from ikone.qa.retrieval.understanding import understand

    audience = audience_for(User.objects.get(email=BENCH_CONTACT_EMAIL))
    kinds = (*QUESTION_KINDS, *KNOWLEDGE_KINDS)
    common_share = rarity.COMMON_SHARE
    for text in QUESTIONS:
        clauses = understand(text).clauses
        results = {}
        for label, share in (("all terms", 2.0), ("informative", common_share)):
            rarity.COMMON_SHARE = share
            best = ranking.lexical(text, audience=audience, kinds=kinds, terms=clauses)
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                ranking.lexical(text, audience=audience, kinds=kinds, terms=clauses)
                times.append((time.perf_counter() - started) * 1000)
            results[label] = ([item.document_id for item in best], statistics.median(times))
        rarity.COMMON_SHARE = common_share
        (all_ids, all_ms), (kept_ids, kept_ms) = results["all terms"], results["informative"]
        print(
            f"{text}: all terms {all_ms:.1f} ms, informative {kept_ms:.1f} ms, "
            f"same best 50: {all_ids == kept_ids}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
