"""Measure IKONE under production settings on the data set of
bench/generate.py and check the budgets of bench/budgets.toml.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/run.py

Serves the project with gunicorn (2 workers, DEBUG=false) on 127.0.0.1,
warms up, then requests every scenario sequentially (concurrency 1) and
from 8 threads at once (concurrency 8), and counts each page's database
queries in-process with Django's test client. /healthz, a trivial view,
is the liveness check; the floor every page's throughput is compared with
is /messung/boden/, the base layout with 10 KB of text and no query. Also times
`ikone import_municipalities` for all of Germany on a fresh SQLite file.

Writes bench/results/latest.json and latest.md; exits 1 when a budget is
broken, 2 when a page does not answer 200.

    python bench/run.py --only versionen
    python bench/run.py --only "versionen|kriterien"

measures only the scenarios whose path contains the text (or one of the
texts separated by "|") and the floor,
checks their budgets and writes no results file: a quick look at one page.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(PROJECT_DIR / "src"))
sys.path.insert(0, str(BENCH_DIR))

import typed  # noqa: E402
from common import BENCH_CONTACT_EMAIL, BENCH_COORDINATOR_EMAIL  # noqa: E402
from load import (  # noqa: E402
    HOST,
    NO_HEADERS,
    REQUESTS_C1,
    REQUESTS_C8,
    ROUNDS_C8,
    WARMUP,
    WORKERS,
    Headers,
    Target,
    free_port,
    gunicorn,
    production_environment,
    rotation,
    run_concurrent_rounds,
    run_sequential,
    warm_up,
)
from memory import worker_memory  # noqa: E402
from pdf_export import time_pdf_export  # noqa: E402
from report import Result, check, load_budgets, markdown, page_budget  # noqa: E402
from scenarios import FLOOR, LIVENESS, MEASURED, Scenario  # noqa: E402
from start_page_lcp import measure_lcp  # noqa: E402
from task_worker import measure_worker  # noqa: E402

# ---------------------------------------------------------------------------
# In-process: sessions and query counts


def prepare_django(environment: dict[str, str]) -> None:
    os.environ.update(environment)
    import django

    django.setup()


def sessions() -> tuple[dict[str, str], str]:
    """Session cookies for the signed-in roles, and the organisation slug."""
    from django.conf import settings
    from django.test import Client

    from ikone.accounts.models import Membership, User

    cookies = {"anonymous": ""}
    for who, email in (("contact", BENCH_CONTACT_EMAIL), ("coordinator", BENCH_COORDINATOR_EMAIL)):
        client = Client()
        client.force_login(User.objects.get(email=email))
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[who] = f"{settings.SESSION_COOKIE_NAME}={key}"
    slug = Membership.objects.get(user__email=BENCH_CONTACT_EMAIL).organization.slug
    return cookies, slug


def count_queries(
    path: str, cookie: str, *, again: bool = True, extra: Headers = NO_HEADERS
) -> tuple[int, int]:
    """Status and number of queries of the second request (the first may
    fill caches), or with `again=False` of the only one."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    headers = {"Host": HOST, **({"Cookie": cookie} if cookie else {}), **extra}
    client = Client(headers=headers)
    if again:
        client.get(path, secure=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True)
    return response.status_code, len(captured.captured_queries)


# ---------------------------------------------------------------------------
# Import timing


def time_import_on_sqlite() -> float:
    """Seconds for `ikone import_municipalities` (all of Germany) into a
    freshly migrated SQLite database."""
    with tempfile.TemporaryDirectory() as directory:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ikone.settings",
            "IKONE_DATA_DIR": directory,
            "DATABASE_URL": f"sqlite:///{directory}/import.sqlite3",
        }
        ikone = str(BIN / "ikone")
        subprocess.run([ikone, "migrate", "--noinput", "-v", "0"], env=environment, check=True)
        started = time.perf_counter()
        subprocess.run(
            [ikone, "import_municipalities", "-v", "0"],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return round(time.perf_counter() - started, 2)


def bench_draft() -> int:
    """A draft of the benchmark Ansprechperson's organisation (for {draft})."""
    from ikone.applications.models import Draft

    pk = (
        Draft.objects.filter(organization__memberships__user__email=BENCH_CONTACT_EMAIL)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return pk or 0


def bench_request() -> int:
    """A support request of the benchmark Ansprechperson (for {request})."""
    from ikone.support.models import SupportRequest

    return (
        SupportRequest.objects.filter(requester__email=BENCH_CONTACT_EMAIL)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
        or 0
    )


def bench_question() -> int:
    """A public question of the 2021 round in the FAQ (for {question})."""
    from ikone.qa.models import Question

    pk = (
        Question.objects.filter(visibility="public", status="faq", call__slug="mpsc-2021")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return pk or 0


def measure(scenario: Scenario, port: int, cookies: dict[str, str], slug: str) -> Result:
    path = scenario.path.format(
        org=slug,
        question=bench_question(),
        draft=bench_draft(),
        request=bench_request(),
        typed="{typed}",
    )
    cookie = cookies[scenario.who]
    extra = typed.HTMX if scenario.htmx else NO_HEADERS
    target: Target = path
    if scenario.typed:
        base = path.partition("?")[0]
        paths = [f"{base}?{query}" for query in typed.typed_texts()]
        needed = 2 + WARMUP + REQUESTS_C1 + ROUNDS_C8 * REQUESTS_C8
        if len(paths) < needed:
            raise SystemExit(f"{path}: {len(paths)} typed texts, {needed} needed")
        # The first request fills the process's caches, the second is counted.
        count_queries(paths[0], cookie, extra=extra)
        status, queries = count_queries(paths[1], cookie, again=False, extra=extra)
        path, target = f"{base}?title=… ({needed - 2} texts, each once)", rotation(paths[2:])
    else:
        status, queries = count_queries(path, cookie, extra=extra)
    if status != 200:
        print(f"{path} as {scenario.who} answered {status}, not 200", file=sys.stderr)
        raise SystemExit(2)
    if scenario.htmx:
        path += " (htmx)"
    cache = warm_up(port, target, cookie, extra)
    c1 = run_sequential(port, target, cookie, REQUESTS_C1, extra)
    c8 = run_concurrent_rounds(port, target, cookie, REQUESTS_C8, extra=extra)
    print(
        f"  {scenario.who:11} {path:55} {queries:3} q  p95 {c1['p95_ms']:7} ms  "
        f"{c8['rps']} req/s {cache}"
    )
    return Result(
        path=path, who=scenario.who, status=status, queries=queries, c1=c1, c8=c8, cache=cache
    )


def median_floor(floors: list[Result]) -> Result:
    """The floor measurement with the median throughput; every
    measurement's req/s in order in `c8["measurements_rps"]`. Measured at
    the start, the middle and the end of a run, the floor follows what the
    machine does during the run, not during its first seconds."""
    floor = sorted(floors, key=lambda result: result.c8["rps"])[len(floors) // 2]
    floor.c8["measurements_rps"] = [result.c8["rps"] for result in floors]
    print(f"  floor: {' / '.join(str(rps) for rps in floor.c8['measurements_rps'])} req/s")
    return floor


def memory_report(master_pid: int, budgets: dict[str, Any]) -> dict[str, Any]:
    """The workers' memory after every page; the budget is on each worker's
    private part (the shared part, code and mapped files, is reported)."""
    limit = budgets["memory"]["web_worker_private_mb"]
    workers = worker_memory(master_pid)
    for worker in workers:
        worker["verdict"] = "ok" if worker["private_mb"] <= limit else f"> {limit} MB"
    return {
        "workers": workers,
        "budget_private_mb": limit,
        "ok": all(worker["private_mb"] <= limit for worker in workers),
    }


def main_only(text: str) -> int:
    """Measure the scenarios whose path contains `text` (or one of several
    texts separated by "|") against the median of three floor measurements
    (one before them, two after); no results file."""
    budgets = load_budgets()
    texts = text.split("|")
    chosen = [scenario for scenario in MEASURED if any(part in scenario.path for part in texts)]
    if not chosen:
        print(f"No scenario path contains {text!r}.", file=sys.stderr)
        return 2
    environment = production_environment(Path(tempfile.mkdtemp(prefix="ikone-bench-")))
    ikone = str(BIN / "ikone")
    subprocess.run([ikone, "collectstatic", "--noinput", "-v", "0"], env=environment, check=True)
    prepare_django(environment)
    port = free_port()
    # Sessions after the server start: it empties Redis, where production
    # settings keep the sessions.
    with gunicorn(environment, port) as master_pid:
        cookies, slug = sessions()
        floors = [measure(FLOOR, port, cookies, slug)]
        results = [measure(scenario, port, cookies, slug) for scenario in chosen]
        floors.append(measure(FLOOR, port, cookies, slug))
        floors.append(measure(FLOOR, port, cookies, slug))
        floor = median_floor(floors)
        memory = memory_report(master_pid, budgets)
    for result in results:
        result.share_of_floor = round(result.c8["rps"] / floor.c8["rps"], 3)
        check(result, page_budget(budgets, result.path, result.cache))
        verdict = "broken: " + ", ".join(result.broken) if result.broken else "within budget"
        print(
            f"{result.path}: p50 {result.c1['p50_ms']} ms, p95 {result.c1['p95_ms']} ms, "
            f"{result.share_of_floor:.0%} of the floor ({floor.c8['rps']} req/s): {verdict}"
        )
    for worker in memory["workers"]:
        print(
            f"worker {worker['pid']}: private {worker['private_mb']} MB, shared "
            f"{worker['shared_mb']} MB (after these pages only): {worker['verdict']}"
        )
    return 1 if any(result.broken for result in results) else 0


def main() -> int:
    if "--only" in sys.argv:
        return main_only(sys.argv[sys.argv.index("--only") + 1])
    budgets = load_budgets()
    data_dir = Path(tempfile.mkdtemp(prefix="ikone-bench-"))
    environment = production_environment(data_dir)
    ikone = str(BIN / "ikone")
    subprocess.run([ikone, "collectstatic", "--noinput", "-v", "0"], env=environment, check=True)
    prepare_django(environment)
    port = free_port()
    print(f"gunicorn on {HOST}:{port}, {WORKERS} workers")
    # Sessions after the server start: it empties Redis, where production
    # settings keep the sessions.
    with gunicorn(environment, port) as master_pid:
        cookies, slug = sessions()
        floors = [measure(FLOOR, port, cookies, slug)]
        liveness = measure(LIVENESS, port, cookies, slug)
        half = len(MEASURED) // 2
        results = [measure(scenario, port, cookies, slug) for scenario in MEASURED[:half]]
        floors.append(measure(FLOOR, port, cookies, slug))
        results += [measure(scenario, port, cookies, slug) for scenario in MEASURED[half:]]
        floors.append(measure(FLOOR, port, cookies, slug))
        floor = median_floor(floors)
        memory = memory_report(master_pid, budgets)
        print("Start page LCP in headless Chromium …")
        lcp = measure_lcp(f"http://{HOST}:{port}")
    lcp_budget = budgets["start_page_lcp"]["max_ms"]
    lcp["budget_ms"] = lcp_budget
    lcp["ok"] = "median_ms" in lcp and lcp["median_ms"] <= lcp_budget
    print("Peak memory of a background worker embedding documents …")
    worker = measure_worker(environment)
    worker["budget_mb"] = budgets["background_worker"]["max_rss_mb"]
    worker["ok"] = worker["peak_rss_mb"] <= worker["budget_mb"]
    for result in [floor, liveness, *results]:
        result.share_of_floor = round(result.c8["rps"] / floor.c8["rps"], 3)
    for result in results:
        check(result, page_budget(budgets, result.path, result.cache))
    print("Timing import_municipalities on SQLite …")
    seconds = time_import_on_sqlite()
    import_budget = budgets["import_municipalities"]["max_seconds_sqlite"]
    print("Timing the PDF export of a 30-page draft …")
    pdf_export = time_pdf_export()
    pdf_budget = budgets["pdf_export"]
    pdf_export["budget_seconds"] = pdf_budget["max_seconds"]
    pdf_export["ok"] = (
        pdf_export["seconds"] <= pdf_budget["max_seconds"]
        and pdf_export["pages"] >= pdf_budget["min_pages"]
    )
    report = {
        "finished_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
        "settings": {"workers": WORKERS, "requests_c1": REQUESTS_C1, "requests_c8": REQUESTS_C8},
        "budgets": budgets,
        "floor": asdict(floor),
        "liveness": asdict(liveness),
        "memory": memory,
        "start_page_lcp": lcp,
        "background_worker": worker,
        "pages": [asdict(result) for result in results],
        "import_municipalities": {
            "seconds": seconds,
            "budget_seconds": import_budget,
            "ok": seconds <= import_budget,
        },
        "pdf_export": pdf_export,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (RESULTS_DIR / "latest.md").write_text(markdown(report))
    print(markdown(report))
    broken = [result for result in results if result.broken]
    if (
        broken
        or not memory["ok"]
        or not lcp["ok"]
        or not worker["ok"]
        or not report["import_municipalities"]["ok"]
        or not pdf_export["ok"]
    ):
        print(
            f"Budget broken: {len(broken)} page(s)"
            + ("" if memory["ok"] else ", worker memory")
            + ("" if lcp["ok"] else ", start page LCP")
            + ("" if worker["ok"] else ", background worker memory")
            + ("" if seconds <= import_budget else ", import")
            + ("" if pdf_export["ok"] else ", PDF export")
        )
        return 1
    print("All budgets kept.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
