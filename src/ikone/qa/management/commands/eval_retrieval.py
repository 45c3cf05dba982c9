"""`ikone eval_retrieval`: how well the suggestions find the section that
answers a question (MRR and recall@5 of lexical, semantic and combined
ranking over the evaluation set in qa/data/retrieval_eval.yaml)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ikone.qa.retrieval.evaluation import EVAL_FILE, evaluate, load


class Command(BaseCommand):
    help = "Print MRR and recall@5 of lexical, semantic and combined ranking."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", default=str(EVAL_FILE), help="Evaluation set (YAML).")

    def handle(self, *args: Any, **options: Any) -> None:
        data = load(Path(options["file"]))
        scores = evaluate(data)
        self.stdout.write(
            f"Evaluation set: {len(data['questions'])} questions, call {data['call']}"
        )
        self.stdout.write(f"{'ranking':<10} {'MRR':>6} {'recall@5':>9}")
        for score in scores:
            self.stdout.write(f"{score.method:<10} {score.mrr:>6.3f} {score.recall_at_5:>9.3f}")
