"""`ikone eval_recommendations`: precision@5 of the recommendations and the
peers, and how many of the reasons shown are true, on the development set
(solutions/data/recommendation_eval.yaml, the one weights may be tuned on)
and, separately, on the blind test set (recommendation_test.yaml, never
tuned on). Runs against the current database; see docs/solutions.md."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ikone.core.search.embeddings import embed_missing
from ikone.solutions.evaluation import (
    EVAL_FILE,
    TEST_FILE,
    evaluate_peers,
    evaluate_recommendations,
    load,
)


class Command(BaseCommand):
    help = "Print precision@5 and the share of true reasons on the development and test set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", default=str(EVAL_FILE), help="Development set (YAML).")
        parser.add_argument("--test-file", default=str(TEST_FILE), help="Blind test set (YAML).")
        parser.add_argument(
            "--only", choices=["dev", "test"], help="Report one of the two sets only."
        )
        parser.add_argument(
            "--verbose-results", action="store_true", help="List each profile's first five."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        embedded = embed_missing()
        if embedded:
            self.stdout.write(f"Embedded {embedded} documents first.")
        if options["only"] != "test":
            data = load(Path(options["file"]))
            self.stdout.write(f"Development set (written {data['written']}):")
            self._report(data, verbose=options["verbose_results"])
        if options["only"] != "dev":
            data = load(Path(options["test_file"]))
            self.stdout.write(f"Test set (written {data['written']}, never tuned on):")
            self._report(data, verbose=options["verbose_results"])

    def _report(self, data: dict[str, Any], *, verbose: bool) -> None:
        recommendations = evaluate_recommendations(data)
        self.stdout.write(
            f"recommendations: {len(recommendations.results)} profiles, "
            f"precision@5 {recommendations.precision_at_5:.3f} "
            f"(at most {recommendations.ceiling:.3f}), "
            f"hit rate@5 {recommendations.hit_rate:.3f}, "
            f"reasons true {recommendations.reasons.true}/{recommendations.reasons.checked}"
        )
        peers = evaluate_peers(data)
        self.stdout.write(
            f"peers: {peers.places} places, precision@5 {peers.precision_at_5:.3f}, "
            f"reasons true {peers.reasons.true}/{peers.reasons.checked}"
        )
        for line in recommendations.reasons.false + peers.reasons.false:
            self.stdout.write(f"  false reason: {line}")
        unresolved = recommendations.unresolved + peers.unresolved
        if unresolved:
            self.stdout.write(
                f"not in this database ({len(unresolved)}): " + "; ".join(unresolved)
            )
        if verbose:
            for result in recommendations.results:
                self.stdout.write(
                    f"  {result.name}: {result.hits} of {len(result.expected)} — "
                    + ", ".join(result.ranked)
                )
