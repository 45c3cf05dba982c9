"""`ikone train_query_adapter`: learn the query adapter (qa/retrieval/adapter.py)
from the development set on the current database (the demo data) and write
it to qa/data/query_adapter.npy; `--cross-validate` prints the five-fold
cross-validated MRR for each penalty instead, which is how the penalty was
chosen (docs/adr/0010-learned-query-adapter.md)."""

from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandParser

from ikone.core.search.embeddings import embed_missing
from ikone.qa.retrieval import adapter
from ikone.qa.retrieval.blind import development_training_set

PENALTIES = (0.001, 0.003, 0.01, 0.03, 0.1)


class Command(BaseCommand):
    help = "Learn the query adapter from the development set and write it (or cross-validate)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default=str(adapter.ADAPTER_FILE))
        parser.add_argument(
            "--cross-validate",
            action="store_true",
            help="Print the five-fold cross-validated MRR per penalty; write nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        embed_missing()
        data, unresolved = development_training_set()
        usable = len(data.answerable().questions)
        self.stdout.write(
            f"{len(data.questions)} questions ({usable} with an answer in this database), "
            f"{len(data.documents)} candidate documents"
        )
        if unresolved:
            # Another database than the demo data: those questions teach nothing.
            self.stderr.write(
                f"answers not in this database ({len(unresolved)}): "
                + "; ".join(sorted(set(unresolved)))
            )
        if options["cross_validate"]:
            zero = np.zeros((data.questions.shape[1],) * 2, dtype=np.float32)
            self.stdout.write(f"no adapter: MRR {adapter.mean_reciprocal_rank(data, zero):.3f}")
            for penalty in PENALTIES:
                mrr = adapter.cross_validated(data, penalty)
                self.stdout.write(f"penalty {penalty}: cross-validated MRR {mrr:.3f}")
            return
        # Shipped as float16 (half the size); the figure is of what is shipped.
        shipped = adapter.train(data).astype(np.float16)
        output = Path(options["output"])
        np.save(output, shipped)
        mrr = adapter.mean_reciprocal_rank(data, shipped.astype(np.float32))
        self.stdout.write(f"Wrote {output} (training MRR {mrr:.3f}).")
