"""The WSGI application bench/cpu.py serves: IKONE's, with each request's
wall time, CPU time of the worker process, number of queries and time in
the database recorded, and the medians per path printed to stderr after
every CPU_REPORT_EVERY requests of that path after its first CPU_WARMUP."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection

from ikone.wsgi import application as ikone_application

REPORT_EVERY = int(os.environ.get("CPU_REPORT_EVERY", "100"))
# Requests per path that warm it up (not counted); bench/cpu.py sets it.
WARMUP = int(os.environ.get("CPU_WARMUP", "20"))
# Paths whose requests count together whatever their query string: typed
# texts (bench/cpu.py with {typed}), each asked once.
TYPED_PATHS = set(filter(None, os.environ.get("CPU_TYPED_PATHS", "").split(",")))
_seen: dict[str, int] = defaultdict(int)
_samples: dict[str, list[tuple[float, float, int, float]]] = defaultdict(list)


class _QueryTimer:
    """An execute wrapper counting statements and the seconds they take."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, *args)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    timer = _QueryTimer()
    wall, cpu = time.perf_counter(), time.process_time()
    # Not `connection.execute_wrapper(timer)`: its exit pops the last
    # wrapper, and when the request opens the connection, the table tracking
    # (core.pagecache.tables, installed on connection_created) is the last
    # one - the measured worker then ran without it for good.
    connection.execute_wrappers.append(timer)
    try:
        response = ikone_application(environ, start_response)
        body = list(response)
        if hasattr(response, "close"):
            response.close()
    finally:
        connection.execute_wrappers.remove(timer)
    # The query string is part of the page (/wissen/ and /wissen/?q=… differ).
    query = environ.get("QUERY_STRING", "")
    path = environ.get("PATH_INFO", "")
    if path in TYPED_PATHS:
        path += "?title=… (typed)"
    elif query:
        path += f"?{query}"
    _seen[path] += 1
    if _seen[path] <= WARMUP:
        return body
    samples = _samples[path]
    samples.append(
        (
            (time.perf_counter() - wall) * 1000,
            (time.process_time() - cpu) * 1000,
            timer.count,
            timer.seconds * 1000,
        )
    )
    if len(samples) % REPORT_EVERY == 0:
        wall_ms, cpu_ms, queries, database_ms = (
            statistics.median(column) for column in zip(*samples[-REPORT_EVERY:], strict=True)
        )
        print(
            f"{path}: wall {wall_ms:.2f} ms, CPU {cpu_ms:.2f} ms, "
            f"{queries:.0f} queries, database {database_ms:.2f} ms "
            f"(medians of {REPORT_EVERY}, process {os.getpid()})",
            file=sys.stderr,
            flush=True,
        )
    return body
