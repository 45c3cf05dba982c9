"""`ikone rebuild_search_index`: reconcile the search index with the database
and compute missing sentence embeddings."""

import datetime as dt
from typing import Any

from django.core.management.base import CommandParser

from ikone.core.periodic import PeriodicCommand
from ikone.core.search import embeddings
from ikone.core.search.index import rebuild


class Command(PeriodicCommand):
    min_interval = dt.timedelta(minutes=10)

    help = (
        "Rebuild the site-wide search index (all kinds or --kind …) and embed the "
        "suggestible documents whose text changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", action="append", default=[], help="Only this kind.")
        parser.add_argument(
            "--no-embeddings", action="store_true", help="Skip the sentence embeddings."
        )

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        counts = rebuild(options["kind"] or None)
        for kind, count in counts.items():
            self.stdout.write(f"Search index: {kind}: {count} document(s).")
        if not options["no_embeddings"]:
            embedded = embeddings.embed_missing()
            self.stdout.write(f"Embeddings computed: {embedded}.")
        self.stdout.write(self.style.SUCCESS("Search index ready."))
