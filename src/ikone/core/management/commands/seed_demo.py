"""`ikone seed_demo`: the demo installation's content, safe to run again."""

import importlib
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ikone.core.taxonomy import sync_fields_of_action
from ikone.knowledge.demo import grant_editor_rights, seed_demo_pages

Seeder = Callable[..., object]

# In dependency order: people and organisations first, then the calls that
# events, questions and drafts refer to. Each seeder takes `stdout` and is
# idempotent.
DEMO_SEEDERS = [
    "ikone.accounts.demo.seed_demo_accounts",
    "ikone.calls.demo.seed_demo_calls",
    "ikone.events.demo.seed_demo_events",
    "ikone.qa.demo.seed_demo_questions",
    "ikone.applications.demo.seed_demo_applications",
]


def load_seeder(dotted_path: str) -> Seeder | None:
    """The seeder function, or None while its app does not provide one yet.
    Errors inside an existing module are not hidden."""
    module_path, _, name = dotted_path.rpartition(".")
    try:
        module = importlib.import_module(module_path)
    except ModuleNotFoundError as error:
        if error.name != module_path:
            raise
        return None
    seeder: Seeder | None = getattr(module, name, None)
    return seeder


class Command(BaseCommand):
    help = (
        "Create the demo content: CMS pages, the network, organisations, demo people, "
        "funding calls, events and questions. Idempotent: creates what is missing and "
        "keeps what exists."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_demo_pages()
        if created:
            self.stdout.write(f"CMS pages created: {', '.join(created)}")
        else:
            self.stdout.write("CMS pages: all present, nothing changed.")
        created_fields = sync_fields_of_action()
        self.stdout.write(f"Fields of action: {created_fields} created.")
        for dotted_path in DEMO_SEEDERS:
            seeder = load_seeder(dotted_path)
            if seeder is None:
                self.stdout.write(self.style.WARNING(f"Skipped: {dotted_path} is not available."))
                continue
            seeder(stdout=self.stdout)
        coordinators = get_user_model().objects.filter(is_coordinator=True)
        for user in coordinators:
            grant_editor_rights(user)
        self.stdout.write(
            f"CMS editor rights: {len(coordinators)} coordinator(s) in the editor group."
        )
        call_command("rebuild_search_index", stdout=self.stdout)  # search index and embeddings
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
