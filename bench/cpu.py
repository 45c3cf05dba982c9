"""CPU time per request of a few pages, measured inside the server.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench \\
        python bench/cpu.py "/fragen/{question}/@coordinator" "/unterstuetzung/@contact" /

Serves the project as bench/run.py does (gunicorn, production settings,
Redis), but with one worker and bench/cpu_wsgi.py around the application,
and requests each page 20 times to warm up and then CPU_REPORT_EVERY times
(100) one after another. The worker prints the medians of its wall time,
its CPU time, the number of queries and the time in the database per page:
CPU time is what a page costs the server, and it moves much less than the
latency when other work shares the machine. `@contact` / `@coordinator`
request as the bench's Ansprechperson / coordinator (default: signed out);
{org}, {draft}, {question} and {request} are filled as in bench/run.py;
with {typed} (`"/fragen/vorschlaege/?title={typed}@contact"`) each request
asks another text (`typed.typed_texts`) as htmx does while one types, and
the worker counts them together.
BENCH_REDIS_URL chooses the Redis database (it is emptied).
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

import run  # noqa: E402
import typed  # noqa: E402
from load import (  # noqa: E402
    BIN,
    HOST,
    NO_HEADERS,
    Target,
    flush_redis,
    free_port,
    production_environment,
    rotation,
    run_sequential,
    wait_until_up,
)


def main(arguments: list[str]) -> int:
    environment = production_environment(Path(tempfile.mkdtemp(prefix="ikone-cpu-")))
    environment["PYTHONPATH"] = os.pathsep.join([str(BENCH_DIR), str(BENCH_DIR.parent / "src")])
    count = int(environment.setdefault("CPU_REPORT_EVERY", "100"))
    warmup = int(environment.setdefault("CPU_WARMUP", "20"))
    environment["CPU_TYPED_PATHS"] = ",".join(
        argument.partition("?")[0] for argument in arguments if "{typed}" in argument
    )
    subprocess.run(
        [str(BIN / "ikone"), "collectstatic", "--noinput", "-v", "0"], env=environment, check=True
    )
    flush_redis(environment.get("REDIS_URL", ""))
    run.prepare_django(environment)
    cookies, slug = run.sessions()
    values = {
        "org": slug,
        "draft": run.bench_draft(),
        "question": run.bench_question(),
        "request": run.bench_request(),
        "typed": "{typed}",
    }
    port = free_port()
    command = [
        *[str(BIN / "gunicorn"), "-c", "python:ikone.gunicorn_conf", "cpu_wsgi:application"],
        *["--workers", "1", "--bind", f"{HOST}:{port}", "--log-level", "warning"],
    ]
    server = subprocess.Popen(command, env=environment, cwd=BENCH_DIR)
    try:
        wait_until_up(port)
        for argument in arguments:
            path, _, who = argument.partition("@")
            path = path.format(**values)
            cookie = cookies[who or "anonymous"]
            target: Target = path
            extra = NO_HEADERS
            if "{typed}" in path:
                base = path.partition("?")[0]
                target = rotation([f"{base}?{query}" for query in typed.typed_texts()])
                extra = typed.HTMX
            run_sequential(port, target, cookie, warmup, extra)
            latency = run_sequential(port, target, cookie, count, extra)
            print(f"{path}: client p50 {latency['p50_ms']} ms, p95 {latency['p95_ms']} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
