"""A quick relative check of a few pages against the floor, on any
database (a copy of the demo, not the bench volume): the same gunicorn and
load generator as bench/run.py, fewer requests, no budgets.

    DATABASE_URL=sqlite:////tmp/demo-copy.sqlite3 python bench/quick.py / /kommunen/ /fragen/

Prints p50/p95 at concurrency 1, requests/s at concurrency 8, the share of
the floor and what the page cache did; worker memory at the end. Figures on
a shared, loaded machine are only good for comparing pages of one run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent / "src"))
sys.path.insert(0, str(BENCH_DIR))

import load  # noqa: E402
from load import (  # noqa: E402
    free_port,
    gunicorn,
    production_environment,
    run_concurrent,
    run_sequential,
    warm_up,
)
from memory import worker_memory  # noqa: E402
from scenarios import FLOOR, LIVENESS  # noqa: E402

REQUESTS_C1 = int(os.environ.get("QUICK_REQUESTS_C1", "100"))
REQUESTS_C8 = int(os.environ.get("QUICK_REQUESTS_C8", "200"))


def main(paths: list[str]) -> int:
    # Any database will do here (bench/generate.py insists on PostgreSQL).
    load.database_url = lambda: os.environ["DATABASE_URL"]
    environment = production_environment(Path(tempfile.mkdtemp(prefix="ikone-quick-")))
    subprocess.run(
        [str(Path(sys.executable).parent / "ikone"), "collectstatic", "--noinput", "-v", "0"],
        env=environment,
        check=True,
    )
    port = free_port()
    with gunicorn(environment, port) as master_pid:
        floor_rps = 0.0
        for path in [FLOOR.path, LIVENESS.path, *paths]:
            cache = warm_up(port, path, "")
            c1 = run_sequential(port, path, "", REQUESTS_C1)
            c8 = run_concurrent(port, path, "", REQUESTS_C8)
            floor_rps = floor_rps or c8["rps"]
            print(
                f"{path:50} {cache or '–':5} p50 {c1['p50_ms']:7} p95 {c1['p95_ms']:7} "
                f"{c8['rps']:7} req/s {c8['rps'] / floor_rps:5.0%}",
                flush=True,
            )
        for worker in worker_memory(master_pid):
            print(f"worker {worker}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
