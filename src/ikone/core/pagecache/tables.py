"""Which tables SQL reads and writes, and a version token per table.

Every database connection of every process (web workers, the task worker,
management commands) runs its statements through `track_statement`: a write
(INSERT, UPDATE, DELETE, also bulk ones and raw SQL, which model signals
would miss) replaces the version token of its table right after the
statement and again when the transaction commits or rolls back (output
made from rows that were rolled back must not stay valid). While a
`Recording` is open, reads note the token each table had *before* the
statement ran. Output computed under a recording stays valid exactly as
long as every noted token is unchanged, so a page can never outlive a
change of what it was built from; a missing token (evicted, cache
restarted) counts as changed.

The tokens live in the `page_versions` cache: Redis in production, shared by
all processes; without Redis a file cache in IKONE_DATA_DIR, which the web
server, the task worker and commands on one machine share as well.
"""

from __future__ import annotations

import contextvars
import functools
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import BaseCache, caches

VERSIONS_CACHE = "page_versions"
KEY_PREFIX = "ikone:table-version:"
# Schema changes and writes whose table cannot be read from the SQL replace
# this token, which every recording depends on.
EVERYTHING = "*"

_NAME = r'"?([A-Za-z_][A-Za-z0-9_]*)"?'
_READS = re.compile(r"\b(?:FROM|JOIN)\s+" + _NAME, re.IGNORECASE)
_WRITE_TARGET = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+" + _NAME,
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"^\s*\(?\s*([A-Za-z]+)")
READ_ONLY = frozenset(
    {"SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET", "SHOW", "PRAGMA"}
    | {"EXPLAIN", "VALUES", "DECLARE", "FETCH", "CLOSE", "LOCK", "ANALYZE", "VACUUM"}
)
WRITING = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE"})


def read_tables(sql: str) -> frozenset[str]:
    """The tables a statement reads from (also a write's subqueries)."""
    return frozenset(name.lower() for name in _READS.findall(sql))


def written_tables(sql: str) -> frozenset[str]:
    """The tables a statement changes; EVERYTHING for DDL, TRUNCATE and
    writes whose table cannot be read from the SQL."""
    match = _FIRST_WORD.match(sql)
    word = match.group(1).upper() if match else ""
    if word in READ_ONLY:
        return frozenset()
    if word == "WITH" and not re.search(r"\b(?:INSERT|UPDATE|DELETE)\b", sql, re.IGNORECASE):
        return frozenset()
    target = _WRITE_TARGET.match(sql) if word in WRITING else None
    if target is None:
        return frozenset({EVERYTHING})
    return frozenset({target.group(1).lower()})


def _cache() -> BaseCache:
    return caches[VERSIONS_CACHE]


def new_token() -> str:
    return secrets.token_hex(8)


def current_tokens(tables: Iterable[str]) -> dict[str, str]:
    """The token of each table now; a table without one gets a new one."""
    keys = {KEY_PREFIX + table: table for table in tables}
    cache = _cache()
    found = cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        cache.add(key, new_token(), timeout=None)  # another process may win
        found[key] = cache.get(key) or new_token()
    return {keys[key]: token for key, token in found.items()}


def unchanged(tokens: dict[str, str]) -> bool:
    """Whether every table still has the token noted when the output was made."""
    if not tokens:
        return True
    stored = _cache().get_many([KEY_PREFIX + table for table in tokens])
    return all(stored.get(KEY_PREFIX + table) == token for table, token in tokens.items())


def replace_tokens(tables: Iterable[str]) -> None:
    """Everything made from these tables is out of date."""
    _cache().set_many({KEY_PREFIX + table: new_token() for table in tables}, timeout=None)


# ---------------------------------------------------------------------------
# Recording what a computation read


@dataclass
class Recording:
    """The tables read (with their token before the first read) and whether
    anything was written while it was open."""

    tokens: dict[str, str] = field(default_factory=dict)
    wrote: bool = False

    def note(self, tokens: dict[str, str]) -> None:
        for table, token in tokens.items():
            self.tokens.setdefault(table, token)


_recordings: contextvars.ContextVar[tuple[Recording, ...]] = contextvars.ContextVar(
    "ikone_table_recordings", default=()
)


@contextmanager
def recording() -> Iterator[Recording]:
    """Note the tables read inside; recordings nest (a memo inside a page)."""
    current = Recording(tokens={})
    outer = _recordings.get()
    current.note(current_tokens([EVERYTHING]))
    reset = _recordings.set((*outer, current))
    try:
        yield current
    finally:
        _recordings.reset(reset)


def note_reused(tokens: dict[str, str]) -> None:
    """Output reused from a memo counts as read by every open recording."""
    for open_recording in _recordings.get():
        open_recording.note(tokens)


def note_outdated() -> None:
    """Output reused although a table it was read from changed (a memo's
    stale-while-revalidate): nothing computed around it may be kept, as if
    it had written."""
    for open_recording in _recordings.get():
        open_recording.wrote = True


# ---------------------------------------------------------------------------
# The statement hook on every connection


class _ReplaceOnCommit:
    """One callback per transaction that replaces the tokens of every table
    the transaction wrote, once its changes are visible to other processes."""

    def __init__(self, tables: set[str]) -> None:
        self.tables = tables

    def __call__(self) -> None:
        replace_tokens(self.tables)


def _written(connection: Any, tables: frozenset[str]) -> None:
    replace_tokens(tables)
    if not connection.in_atomic_block:
        return
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _ReplaceOnCommit):
            callback.tables.update(tables)
            return
    connection.on_commit(_ReplaceOnCommit(set(tables)))


def track_statement(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    """An execute wrapper (Django's `connection.execute_wrappers`)."""
    open_recordings = _recordings.get()
    if open_recordings:
        unseen = {
            table
            for table in read_tables(sql)
            if any(table not in open_recording.tokens for open_recording in open_recordings)
        }
        if unseen:
            tokens = current_tokens(unseen)
            for open_recording in open_recordings:
                open_recording.note(tokens)
    result = execute(sql, params, many, context)
    writes = written_tables(sql)
    if writes:
        for open_recording in open_recordings:
            open_recording.wrote = True
        _written(context["connection"], writes)
    return result


def written_in_transaction(connection: Any) -> set[str]:
    """The tables the connection's open transaction has written so far."""
    found: set[str] = set()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _ReplaceOnCommit):
            found |= callback.tables
    return found


def _replacing_on_rollback(connection: Any, method: Callable[..., Any]) -> Callable[..., Any]:
    """`rollback` / `savepoint_rollback` of the connection, replacing the
    tokens of every table its transaction wrote. A write replaces its
    table's token at once, so output computed later in the same transaction
    (a memo, a page rendered inside a test's or a view's atomic block) notes
    the new token and shows rows that are not committed. The commit replaces
    the token again; a rollback discards the on-commit callback, and without
    this the output would stay valid until the next write to its tables,
    showing data that never existed. All tables of the transaction, not only
    the savepoint's: writes inside a savepoint are merged into the
    transaction's one callback (a rollback is rare, outdating a little more
    costs one rendering)."""

    @functools.wraps(method)
    def rollback(*args: Any, **kwargs: Any) -> Any:
        written = written_in_transaction(connection)
        try:
            return method(*args, **kwargs)
        finally:
            if written:
                replace_tokens(written)

    return rollback


def install(sender: Any = None, connection: Any = None, **kwargs: Any) -> None:
    """Put the hook on a connection (the `connection_created` signal), and
    the token replacement on its rollbacks: Django has no rollback signal,
    so the connection's two rollback methods are wrapped, once per
    connection object (the signal comes again after each reconnect)."""
    if connection is None:
        return
    if track_statement not in connection.execute_wrappers:
        connection.execute_wrappers.append(track_statement)
    if not getattr(connection, "_ikone_rollback_hook", False):
        connection.rollback = _replacing_on_rollback(connection, connection.rollback)
        connection.savepoint_rollback = _replacing_on_rollback(
            connection, connection.savepoint_rollback
        )
        connection._ikone_rollback_hook = True
