"""Serving the project with gunicorn and putting load on one page:
sequential (concurrency 1) and from THREADS threads at once.
"""

from __future__ import annotations

import http.client
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from generate import database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
WORKERS = 2
WARMUP = 20
REQUESTS_C1 = 200
REQUESTS_C8 = 400
# Each concurrency-8 figure is the median of this many bursts of
# REQUESTS_C8: one burst lasts a second or two, and on a 2-core machine a
# single disturbed burst moved a page's throughput (and the floor's, which
# every share divides by) by a third between runs.
ROUNDS_C8 = 3
THREADS = 8
# A page to request: one path, or a function that gives the path of each
# request (`rotation`).
Target = str | Callable[[], str]
# Headers a scenario adds to each request (htmx's for a fragment).
Headers = Mapping[str, str]
NO_HEADERS: Headers = {}


# ---------------------------------------------------------------------------
# Environment and server


def production_environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ikone.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "IKONE_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url(),
        # One bench person sends thousands of searches a minute.
        "RATELIMIT_ENABLED": "false",
    }


def redis_url() -> str:
    """Production runs with Redis (cache, sessions, page cache, table
    versions): BENCH_REDIS_URL if set, else a local Redis's database 15 if
    one answers, else none (local memory, with a warning). The database is
    emptied before serving: never point it at one that holds anything else."""
    if os.environ.get("BENCH_REDIS_URL"):
        return os.environ["BENCH_REDIS_URL"]
    try:
        with socket.create_connection((HOST, 6379), timeout=1) as probe:
            probe.sendall(b"PING\r\n")
            if probe.recv(16).startswith(b"+PONG"):
                return f"redis://{HOST}:6379/15"
    except OSError:
        pass
    print("No Redis on 127.0.0.1:6379: measuring with local-memory caches", file=sys.stderr)
    return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def flush_redis(url: str) -> None:
    """Start from empty caches: pages, memos and table versions of an earlier
    run (or of a database generated without Redis) must not be reused."""
    if not url:
        return
    import redis

    redis.Redis.from_url(url).flushdb()


@contextmanager
def gunicorn(environment: dict[str, str], port: int) -> Iterator[int]:
    """Serve the project (with emptied caches); yields the master's process id."""
    flush_redis(environment.get("REDIS_URL", ""))
    command = [
        str(BIN / "gunicorn"),
        "--config",
        "python:ikone.gunicorn_conf",
        "ikone.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=environment, cwd=PROJECT_DIR)
    try:
        wait_until_up(port)
        yield server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = request(http.client.HTTPConnection(HOST, port, timeout=5), "/healthz", "")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


# ---------------------------------------------------------------------------
# Requests


def request(
    connection: http.client.HTTPConnection, path: str, cookie: str, extra: Headers = NO_HEADERS
) -> tuple[int, float]:
    """One GET; returns the status and the seconds until the body was read."""
    status, elapsed, _cache = request_with_cache_state(connection, path, cookie, extra)
    return status, elapsed


def request_with_cache_state(
    connection: http.client.HTTPConnection, path: str, cookie: str, extra: Headers = NO_HEADERS
) -> tuple[int, float, str]:
    """One GET; the status, the seconds until the body was read and what the
    page cache did (`X-Page-Cache`: hit, miss, or "" when not cacheable)."""
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Language": "de"}
    if cookie:
        headers["Cookie"] = cookie
    headers.update(extra)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.getheader("Connection", "").lower() == "close":
        connection.close()
    return response.status, elapsed, response.getheader("X-Page-Cache", "")


def rotation(paths: Sequence[str]) -> Callable[[], str]:
    """The paths in turn, one per request, from every thread: for a
    measurement in which no request may repeat an earlier one (each typed
    text asked once, past the memo of its result). Starts again from the
    first path after the last; `measured_paths` tells how many were needed."""
    counter = itertools.count()  # next() on it is atomic under the GIL

    def next_path() -> str:
        return paths[next(counter) % len(paths)]

    return next_path


def path_of(target: Target) -> str:
    return target if isinstance(target, str) else target()


def percentiles(samples: list[float], wall: float) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49] * 1000, 2),
        "p95_ms": round(cuts[94] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
        "rps": round(len(samples) / wall, 1),
    }


def run_sequential(
    port: int, target: Target, cookie: str, count: int, extra: Headers = NO_HEADERS
) -> dict[str, float]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    samples = []
    started = time.perf_counter()
    for _ in range(count):
        path = path_of(target)
        status, elapsed = request(connection, path, cookie, extra)
        assert status == 200, f"{path} answered {status}"
        samples.append(elapsed)
    return percentiles(samples, time.perf_counter() - started)


def warm_up(port: int, target: Target, cookie: str, extra: Headers = NO_HEADERS) -> str:
    """Both workers load the page's code and fill their caches; returns the
    page cache's state of the last answer ("hit" for a cached page)."""
    state = ""
    for _ in range(WARMUP):
        _status, _elapsed, state = request_with_cache_state(
            http.client.HTTPConnection(HOST, port, timeout=30), path_of(target), cookie, extra
        )
    return state


def run_concurrent_rounds(
    port: int,
    target: Target,
    cookie: str,
    count: int,
    rounds: int = ROUNDS_C8,
    extra: Headers = NO_HEADERS,
) -> dict[str, float | list[float]]:
    """`rounds` bursts of `run_concurrent`: the figures of the burst with the
    median throughput, and every burst's throughput in order (`rounds_rps`)."""
    bursts = [run_concurrent(port, target, cookie, count, extra) for _ in range(rounds)]
    median: dict[str, float | list[float]] = dict(
        sorted(bursts, key=lambda burst: burst["rps"])[len(bursts) // 2]
    )
    median["rounds_rps"] = [burst["rps"] for burst in bursts]
    return median


def run_concurrent(
    port: int, target: Target, cookie: str, count: int, extra: Headers = NO_HEADERS
) -> dict[str, float]:
    per_thread = count // THREADS
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS + 1)

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine = []
        barrier.wait()
        for _ in range(per_thread):
            path = path_of(target)
            status, elapsed = request(connection, path, cookie, extra)
            if status != 200:
                errors.append(f"{path} answered {status}")
            mine.append(elapsed)
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    assert not errors, errors[0]
    return percentiles(samples, wall)
