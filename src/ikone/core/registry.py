"""Registries: the extension points through which apps plug themselves into
core (search providers, demo seeders, navigation, notification kinds, audit
targets). Core defines them and never names an app; each app registers its
entries in its `AppConfig.ready()` (search providers: in `<app>/search_index.py`,
which core discovers). `ikone show_registry` prints them all, and
docs/architecture.md shows that output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

# Every registry, in the order core created them, for `ikone show_registry`.
REGISTRIES: list[Registry[object]] = []


class Registry(Generic[T]):
    """Entries under unique keys, in registration order (which follows
    INSTALLED_APPS, since apps register in `ready()`)."""

    def __init__(
        self,
        title: str,
        *,
        key: Callable[[T], str],
        describe: Callable[[T], str],
        order: Callable[[T], Any] | None = None,
        listed: bool = True,
    ) -> None:
        self.title = title
        self._key = key
        self._describe = describe
        self._order = order
        self._entries: dict[str, T] = {}
        if listed:
            REGISTRIES.append(self)  # type: ignore[arg-type]

    def register(self, entry: T) -> T:
        """Add `entry`. Registering the same entry again (a second `ready()`)
        replaces it; another entry under a taken key is a configuration error."""
        key = self._key(entry)
        existing = self._entries.get(key)
        same = existing == entry or (
            existing is not None and self.describe(existing) == self.describe(entry)
        )
        if existing is not None and not same:
            raise ImproperlyConfigured(f"{self.title}: {key!r} is registered twice.")
        self._entries[key] = entry
        return entry

    def subset(self, keys: Iterable[str]) -> Registry[T]:
        """An unlisted copy holding only the entries under `keys` (for tests
        that run part of what the apps registered)."""
        copy = Registry(
            self.title, key=self._key, describe=self._describe, order=self._order, listed=False
        )
        for key in keys:
            copy.register(self._entries[key])
        return copy

    def get(self, key: str) -> T | None:
        return self._entries.get(key)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._entries.values()))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def describe(self, entry: T) -> str:
        """One line about `entry` for `ikone show_registry`."""
        return self._describe(entry)

    def lines(self) -> list[str]:
        """One line per entry, in the registry's display order."""
        entries = list(self)
        if self._order is not None:
            entries.sort(key=self._order)
        return [self.describe(entry) for entry in entries]
