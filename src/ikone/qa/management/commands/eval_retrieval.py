"""`ikone eval_retrieval`: how well the interpretation help finds what
answers a question, on the development set (qa/data/retrieval_eval.yaml,
the one weights are tuned on) and, separately, on the blind test set
(qa/data/retrieval_test.yaml, never tuned on). On request only
(`--only holdout`), the held-out development set
(qa/data/retrieval_holdout.yaml): checked before a ranking change is kept,
never tuned on, with its questions whose answers answer no development
question apart. `--no-adapter` ranks without the learned query adapter
(ADR 0010). See docs/search.md."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ikone.core.search.embeddings import embed_missing
from ikone.qa.retrieval import adapter
from ikone.qa.retrieval.blind import (
    HOLDOUT_FILE,
    TEST_FILE,
    Targets,
    TestScores,
    Unanswerable,
    evaluate_development_everywhere,
    evaluate_test,
    evaluate_unanswerable,
    evaluate_unlike_training,
    load_test,
)
from ikone.qa.retrieval.evaluation import EVAL_FILE, evaluate, load

HEADER = f"{'ranking':<10} {'recall@1':>9} {'recall@5':>9} {'MRR':>6}"


class Command(BaseCommand):
    help = (
        "Print recall@1, recall@5 and MRR on the development and the blind test set "
        "(the held-out development set with --only holdout)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", default=str(EVAL_FILE), help="Development set (YAML).")
        parser.add_argument("--test-file", default=str(TEST_FILE), help="Blind test set (YAML).")
        parser.add_argument(
            "--holdout-file", default=str(HOLDOUT_FILE), help="Held-out development set (YAML)."
        )
        parser.add_argument(
            "--no-adapter",
            action="store_true",
            help="Rank without the learned query adapter (the figures before it, ADR 0010).",
        )
        parser.add_argument(
            "--only",
            choices=["dev", "test", "holdout"],
            help="Report one set only (the held-out set is reported only so).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["no_adapter"]:
            with adapter.switched_off():
                self._report(options)
        else:
            self._report(options)

    def _report(self, options: dict[str, Any]) -> None:
        embedded = embed_missing()
        if embedded:
            self.stdout.write(f"Embedded {embedded} documents first.")
        only = options["only"]
        # The held-out set is looked at only when a change is to be checked,
        # so a plain run never shows it and nobody tunes on it by accident.
        if only == "holdout":
            self._holdout(Path(options["holdout_file"]), Path(options["file"]))
            return
        if only != "test":
            self._development(Path(options["file"]))
        if only != "dev":
            self._test(Path(options["test_file"]))

    def _row(self, method: str, at_1: float, at_5: float, mrr: float) -> None:
        self.stdout.write(f"{method:<10} {at_1:>9.3f} {at_5:>9.3f} {mrr:>6.3f}")

    def _development(self, path: Path) -> None:
        data = load(path)
        self.stdout.write(
            f"Development set: {len(data['questions'])} questions, call {data['call']}"
        )
        self.stdout.write(HEADER)
        for score in evaluate(data):
            self._row(score.method, score.recall_at_1, score.recall_at_5, score.mrr)
        # The same questions and more as the test set ranks and counts its
        # own: over all calls, facts, FAQ entries and answered questions, any
        # item that says the answer counting.
        everywhere, targets = evaluate_development_everywhere(data)
        self._block(
            f"Development set over everything that can answer ({everywhere[0].questions} "
            "questions, ranked and counted as the test set; development figures, tuned on):",
            everywhere,
        )
        self._unanswerable(evaluate_unanswerable(data))
        self._unresolved(targets)

    def _unanswerable(self, unanswerable: Unanswerable) -> None:
        self.stdout.write(
            f"unanswerable with a suggestion shown: {unanswerable.shown}/"
            f"{unanswerable.questions} ({unanswerable.rate:.2f})"
        )

    def _test(self, path: Path) -> None:
        self._over_everything(load_test(path), "Test set (written {written}, never tuned on)")

    def _holdout(self, path: Path, development: Path) -> None:
        data = load_test(path)
        self._over_everything(
            data, "Held-out development set (written {written}, checked, not tuned on)"
        )
        unlike = evaluate_unlike_training(data, load(development))
        self._block(
            f"Of these, the {unlike[0].questions} whose answers answer no development question "
            "(the query adapter never saw them as answers):",
            unlike,
        )

    def _block(self, title: str, scores: list[TestScores]) -> None:
        self.stdout.write(title)
        self.stdout.write(HEADER)
        for score in scores:
            self._row(score.method, score.recall_at_1, score.recall_at_5, score.mrr)

    def _over_everything(self, data: dict[str, Any], title: str) -> None:
        """A set in the test set's form, ranked and counted as the test set."""
        self.stdout.write(
            f"{title.format(written=data['written'])}: "
            f"{len(data['questions'])} answerable, {len(data['unanswerable'])} unanswerable"
        )
        scores, targets = evaluate_test(data)
        self.stdout.write(HEADER)
        for score in scores:
            self._row(score.method, score.recall_at_1, score.recall_at_5, score.mrr)
        self._unanswerable(evaluate_unanswerable(data))
        self._unresolved(targets)

    def _unresolved(self, targets: Targets) -> None:
        if targets.unresolved:
            self.stdout.write(
                f"answers not in this database ({len(targets.unresolved)}): "
                + "; ".join(sorted(set(targets.unresolved)))
            )
