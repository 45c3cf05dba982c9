"""`ikone seed_demo`: the demo installation's content, safe to run again."""

import importlib
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, OutputWrapper

from ikone.knowledge.demo import grant_editor_rights, seed_demo_pages

AccountsSeeder = Callable[..., object]


def accounts_seeder() -> AccountsSeeder | None:
    """`ikone.accounts.demo.seed_demo_accounts`, or None while the accounts
    app does not provide it. Errors inside that module are not hidden."""
    try:
        module = importlib.import_module("ikone.accounts.demo")
    except ModuleNotFoundError as error:
        if error.name != "ikone.accounts.demo":
            raise
        return None
    seeder: AccountsSeeder | None = getattr(module, "seed_demo_accounts", None)
    return seeder


class Command(BaseCommand):
    help = (
        "Create the demo content: CMS pages, the network, organisations and demo people. "
        "Idempotent: creates what is missing and keeps what exists."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = seed_demo_pages()
        if created:
            self.stdout.write(f"CMS pages created: {', '.join(created)}")
        else:
            self.stdout.write("CMS pages: all present, nothing changed.")
        self._seed_accounts(self.stdout)
        coordinators = get_user_model().objects.filter(is_coordinator=True)
        for user in coordinators:
            grant_editor_rights(user)
        self.stdout.write(
            f"CMS editor rights: {len(coordinators)} coordinator(s) in the editor group."
        )
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def _seed_accounts(self, stdout: OutputWrapper) -> None:
        seed_accounts = accounts_seeder()
        if seed_accounts is None:
            stdout.write(
                self.style.WARNING(
                    "Demo accounts skipped: ikone.accounts.demo.seed_demo_accounts "
                    "is not available yet."
                )
            )
            return
        seed_accounts(stdout=stdout)
