"""Demo seeders: each app registers the function that creates its demo
content, and after which other seeders it must run. `ikone seed_demo` runs
them in that order (ties in registration order, i.e. INSTALLED_APPS).

    seeding.register(Seeder("events", "ikone.events.demo.seed_demo_events",
                            after=("accounts", "calls")))

A seeder takes `stdout` (keyword) and is idempotent: it creates what is
missing and keeps what exists. It is named by dotted path and imported only
when the command runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured

from ikone.core.registry import Registry

SeederFunction = Callable[..., object]


class Writer(Protocol):
    def write(self, msg: str) -> None: ...


@dataclass(frozen=True)
class Seeder:
    key: str
    function: str  # dotted path of a callable taking stdout=
    after: tuple[str, ...] = ()


def _describe(seeder: Seeder) -> str:
    after = f" (after {', '.join(seeder.after)})" if seeder.after else ""
    return f"{seeder.key}: {seeder.function}{after}"


SEEDERS: Registry[Seeder] = Registry("Demo seeders", key=lambda s: s.key, describe=_describe)


def register(seeder: Seeder) -> Seeder:
    return SEEDERS.register(seeder)


def ordered(registry: Registry[Seeder] | None = None) -> list[Seeder]:
    """The seeders (of `registry`, default all) so that each runs after
    those it names; among those free to run, the one registered first.
    Unknown names and cycles raise ImproperlyConfigured."""
    pending = list(SEEDERS if registry is None else registry)
    known = {seeder.key for seeder in pending}
    for seeder in pending:
        unknown = set(seeder.after) - known
        if unknown:
            raise ImproperlyConfigured(f"Seeder {seeder.key!r} runs after unknown {unknown}.")
    done: list[Seeder] = []
    finished: set[str] = set()
    while pending:
        ready = next((s for s in pending if set(s.after) <= finished), None)
        if ready is None:
            raise ImproperlyConfigured(f"Seeders depend on each other in a cycle: {pending}")
        pending.remove(ready)
        done.append(ready)
        finished.add(ready.key)
    return done


def load(seeder: Seeder) -> SeederFunction | None:
    """The seeder's function, or None while its module does not exist (yet).
    Errors inside an existing module are not hidden."""
    module_path, _, name = seeder.function.rpartition(".")
    try:
        module = importlib.import_module(module_path)
    except ModuleNotFoundError as error:
        if error.name != module_path:
            raise
        return None
    function: SeederFunction | None = getattr(module, name, None)
    return function


def seed_fields_of_action(*, stdout: Writer) -> None:
    """Core's own seeder: the shared taxonomy from the packaged YAML."""
    from ikone.core.taxonomy import sync_fields_of_action

    stdout.write(f"Fields of action: {sync_fields_of_action()} created.")
