"""`ikone seed_demo`: the demo installation's content, safe to run again.

What it creates comes from the seeders the apps register (`core.seeding`).
Demo people have known passwords, so the command refuses to run unless
DEBUG is on or `--force-in-production` is given.
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ikone.core import seeding

REFUSAL = (
    "seed_demo creates demo accounts with published passwords and is meant for "
    "development (DEBUG=true). DEBUG is off here, so nothing was changed. To seed "
    "this installation anyway, run: ikone seed_demo --force-in-production"
)


class Command(BaseCommand):
    help = (
        "Create the demo content: CMS pages, the network, organisations, demo people, "
        "funding calls, events and questions. Idempotent: creates what is missing and "
        "keeps what exists. Refuses to run without DEBUG unless --force-in-production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force-in-production",
            action="store_true",
            help="Seed even though DEBUG is off (demo accounts have known passwords).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force_in_production"]:
            raise CommandError(REFUSAL)
        for seeder in seeding.ordered():
            function = seeding.load(seeder)
            if function is None:
                self.stdout.write(
                    self.style.WARNING(f"Skipped: {seeder.function} is not available.")
                )
                continue
            function(stdout=self.stdout)
        call_command("rebuild_search_index", stdout=self.stdout)  # search index and embeddings
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
