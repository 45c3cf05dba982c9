"""Periodic commands that several machines may start at the same time.

With two or more app servers, each usually has the same cron table or
systemd timers. A command built on `PeriodicCommand` first takes its lease,
a row in `CommandLease` (one per command name): of several machines
starting it at once, exactly one gets the row and does the work; the others
print that it is running elsewhere and exit successfully. The row is taken
with one INSERT (unique name) or one conditional UPDATE of an expired row,
both atomic in SQLite and PostgreSQL alike, so no advisory lock is needed.

A lease ends when the command finishes (also on error) or, if its machine
died, when it expires (`lease`, generous: longer than the command ever
takes). `min_interval` keeps a second machine whose timer fires a little
later from doing the same work again right after the first finished;
`--force` ignores it (after a restore, or by hand).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ikone.core.datetimes import numeric
from ikone.core.models import CommandLease


def new_holder() -> str:
    """Who holds a lease: machine, process and a random part (unique even
    if a process runs the same command twice)."""
    return f"{socket.gethostname()[:120]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def acquire(
    name: str,
    *,
    lease: dt.timedelta,
    min_interval: dt.timedelta = dt.timedelta(0),
    holder: str = "",
) -> str | None:
    """Take the lease for `name`; return the holder id, or None if another
    process holds it or finished less than `min_interval` ago."""
    holder = holder or new_holder()
    now = timezone.now()
    free = Q(expires_at__lte=now) & (
        Q(last_finished_at__isnull=True) | Q(last_finished_at__lte=now - min_interval)
    )
    taken = CommandLease.objects.filter(free, name=name).update(
        holder=holder, acquired_at=now, expires_at=now + lease
    )
    if taken:
        return holder
    try:
        with transaction.atomic():
            CommandLease.objects.create(
                name=name, holder=holder, acquired_at=now, expires_at=now + lease
            )
    except IntegrityError:
        return None
    return holder


def release(name: str, holder: str) -> None:
    """End the lease (only the holder's own) and note when the work ended."""
    now = timezone.now()
    CommandLease.objects.filter(name=name, holder=holder).update(
        expires_at=now, last_finished_at=now
    )


def why_not(name: str) -> str:
    """A line for the operator: who holds the lease or when it last ran."""
    lease = CommandLease.objects.filter(name=name).first()
    if lease is not None and lease.expires_at > timezone.now():
        return f"{name} läuft bereits ({lease.holder}); nichts zu tun."
    if lease is not None and lease.last_finished_at is not None:
        return (
            f"{name} wurde zuletzt {numeric(lease.last_finished_at)} beendet; "
            "nichts zu tun (--force erzwingt einen Lauf)."
        )
    return f"{name}: gerade von einem anderen Prozess übernommen; nichts zu tun."


class PeriodicCommand(BaseCommand):
    """A management command that runs on one machine at a time. Subclasses
    implement `handle_periodic` instead of `handle`."""

    lease = dt.timedelta(hours=2)
    min_interval = dt.timedelta(0)

    def lease_name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1]

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch laufen, wenn der letzte Lauf gerade erst endete (nicht, wenn er noch läuft).",
        )
        return parser

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("dry_run"):
            # Changes nothing, so it needs no lease and must not count as a run.
            self.handle_periodic(*args, **options)
            return
        name = self.lease_name()
        min_interval = dt.timedelta(0) if options.get("force") else self.min_interval
        holder = acquire(name, lease=self.lease, min_interval=min_interval)
        if holder is None:
            if options.get("verbosity", 1) > 0:
                self.stdout.write(why_not(name))
            return
        try:
            self.handle_periodic(*args, **options)
        finally:
            release(name, holder)

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        raise NotImplementedError
