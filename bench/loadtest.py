"""Load scenario: many people at once on the benchmark data, as they would
use IKONE – visitors reading public pages and signed-in staff (contact
persons and coordinators) working on theirs – each with a pause to read
between two pages, for a bounded time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/loadtest.py
    make loadtest                     # the same, 50 users for 60 s

Needs the data set of bench/generate.py (`make bench` or the generate step
alone). Serves IKONE with gunicorn under production settings (DEBUG=false)
on 127.0.0.1, signs the staff in (one session each), then runs USERS
virtual users: STAFF_SHARE of them signed in, the others anonymous. Each
user picks its next page at random (fixed seed) from its role's mix – the
pages of bench/run.py's SCENARIOS – keeps its connection open like a
browser and waits THINK seconds between pages. Reports per page and
audience (signed out / signed in: a public page is served from the page
cache only to people who are not signed in) the number of requests,
errors, p50/p95/max and the page's p95 budget from bench/budgets.toml, and
the throughput; writes bench/results/loadtest-latest.json and .md. Exit
code 1 if any request failed or answered other than 200, or if a page's
p95 under load is over its budget.

The runner itself (`run_load`, `summarize`) has no Django in it; a smoke
test drives it against a tiny server (tests/bench/test_loadtest.py).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
SEED = 20261204
USERS = 50
STAFF_SHARE = 0.3
SECONDS = 60.0
THINK = (0.5, 2.5)
RAMP_UP = 5.0
SIGNED_OUT_ONLY = {"/konto/login/"}


@dataclass(frozen=True)
class Page:
    path: str
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.path


@dataclass
class VirtualUser:
    role: str
    cookie: str
    pages: list[Page]


@dataclass
class Sample:
    page: str
    role: str
    status: int  # 0: no HTTP answer
    seconds: float

    @property
    def audience(self) -> str:
        return audience(self.role)


def audience(role: str) -> str:
    return "anonymous" if role == "anonymous" else "signed in"


@dataclass
class LoadRun:
    host: str
    port: int
    seconds: float
    think: tuple[float, float] = THINK
    seed: int = SEED
    ramp_up: float = RAMP_UP
    host_header: str = "127.0.0.1"
    samples: list[Sample] = field(default_factory=list)

    def run(self, users: list[VirtualUser]) -> float:
        """Runs every user until the time is up; returns the wall time."""
        lock = threading.Lock()
        started = time.monotonic()
        deadline = started + self.seconds
        threads = [
            threading.Thread(
                target=self._user,
                args=(user, random.Random(self.seed + number), deadline, lock),
                kwargs={"delay": self.ramp_up * number / max(len(users), 1)},
                daemon=True,
            )
            for number, user in enumerate(users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=self.seconds + 120)
        return time.monotonic() - started

    def _user(
        self,
        user: VirtualUser,
        rng: random.Random,
        deadline: float,
        lock: threading.Lock,
        delay: float,
    ) -> None:
        time.sleep(delay)
        connection: http.client.HTTPConnection | None = None
        while time.monotonic() < deadline:
            page = rng.choice(user.pages)
            connection = connection or http.client.HTTPConnection(self.host, self.port, timeout=30)
            status, seconds = self._get(connection, page.path, user.cookie)
            if status == 0:
                connection.close()
                connection = None
            with lock:
                self.samples.append(Sample(page.name, user.role, status, seconds))
            time.sleep(rng.uniform(*self.think))
        if connection is not None:
            connection.close()

    def _get(
        self, connection: http.client.HTTPConnection, path: str, cookie: str
    ) -> tuple[int, float]:
        headers = {"Host": self.host_header, "X-Forwarded-Proto": "https", "Accept-Language": "de"}
        if cookie:
            headers["Cookie"] = cookie
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            return 0, time.perf_counter() - started
        return response.status, time.perf_counter() - started


def _cut(values: list[float], percentile: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percentile - 1]


def summarize(samples: list[Sample], wall: float) -> dict:
    """Per page and audience, and overall: requests, errors, p50/p95/max in
    ms, throughput. A page keyed "path" was requested by visitors, "path
    (signed in)" by signed-in people: the two are served differently (from
    the page cache, rendered per person) and have different budgets."""
    pages: dict[str, list[Sample]] = {}
    for sample in samples:
        pages.setdefault(page_key(sample.page, sample.audience), []).append(sample)

    def figures(group: list[Sample]) -> dict:
        times = sorted(s.seconds for s in group)
        failed = [s.status for s in group if s.status != 200]
        return {
            "requests": len(group),
            "errors": len(failed),
            "error_statuses": sorted(set(failed)),
            "p50_ms": round(_cut(times, 50) * 1000, 1),
            "p95_ms": round(_cut(times, 95) * 1000, 1),
            "max_ms": round(times[-1] * 1000, 1),
        }

    return {
        "total": {**figures(samples), "rps": round(len(samples) / wall, 1)} if samples else {},
        "pages": {name: figures(group) for name, group in sorted(pages.items())},
    }


def page_key(page: str, audience: str) -> str:
    return page if audience == "anonymous" else f"{page} (signed in)"


def judge(summary: dict, budgets: dict[str, float]) -> list[str]:
    """Marks each page with its p95 budget (`budgets`: page key -> ms) and
    whether it kept it; returns the pages over budget."""
    over = []
    for key, page in summary["pages"].items():
        if key not in budgets:
            continue
        page["budget_p95_ms"] = budgets[key]
        page["within_budget"] = page["p95_ms"] <= budgets[key]
        if not page["within_budget"]:
            over.append(key)
    return over


# ---------------------------------------------------------------------------
# IKONE on the benchmark data


def role_pages() -> dict[str, list[Page]]:
    """Visitors: the anonymous scenarios of bench/run.py. Staff: their own
    role's scenarios twice as often as the public pages."""
    from run import bench_draft, bench_question, bench_request, sessions
    from scenarios import SCENARIOS

    values = {"draft": bench_draft(), "question": bench_question(), "request": bench_request()}
    values["org"] = sessions()[1]
    mix: dict[str, list[Page]] = {"anonymous": [], "contact": [], "coordinator": []}
    for scenario in SCENARIOS:
        if scenario.typed:
            # A page per typed text would make one row per text; the fixed
            # suggestion row stands for typing here.
            continue
        page = Page(scenario.path.format(**values), scenario.path)
        if scenario.who == "anonymous":
            # Signed-in people do not open the login page (it redirects them).
            for role in mix if scenario.path not in SIGNED_OUT_ONLY else ["anonymous"]:
                mix[role].append(page)
        else:
            mix[scenario.who] += [page, page]
    return mix


def staff_cookie(role: str) -> str:
    """A new session of the benchmark person of `role`."""
    from common import BENCH_CONTACT_EMAIL, BENCH_COORDINATOR_EMAIL
    from django.conf import settings
    from django.test import Client

    from ikone.accounts.models import User

    email = {"contact": BENCH_CONTACT_EMAIL, "coordinator": BENCH_COORDINATOR_EMAIL}[role]
    client = Client()
    client.force_login(User.objects.get(email=email))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def virtual_users(count: int, staff_share: float) -> list[VirtualUser]:
    mix = role_pages()
    staff = round(count * staff_share)
    users = []
    for number in range(count):
        if number < staff:
            role = "coordinator" if number % 3 == 2 else "contact"
            users.append(VirtualUser(role, staff_cookie(role), mix[role]))
        else:
            users.append(VirtualUser("anonymous", "", mix["anonymous"]))
    return users


def machine() -> dict:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(report: dict) -> str:
    total, run = report["summary"]["total"], report["run"]
    lines = [
        f"{run['users']} users ({run['staff']} signed in) for {run['seconds']:.0f} s,"
        f" think time {run['think'][0]}–{run['think'][1]} s, gunicorn {run['workers']} workers;"
        f" {report['machine']['date']}, {report['machine']['cpus']} CPUs, load average"
        f" {report['machine']['load_average_before']} before and"
        f" {report['machine']['load_average_after']} after",
        "",
        f"**{total['requests']} requests, {total['errors']} errors, {total['rps']} req/s,"
        f" p50 {total['p50_ms']} ms, p95 {total['p95_ms']} ms, max {total['max_ms']} ms**",
        "",
        "| Seite | Anfragen | Fehler | p50 ms | p95 ms | max ms | p95-Budget ms |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, page in report["summary"]["pages"].items():
        errors = f"{page['errors']} ({', '.join(map(str, page['error_statuses']))})"
        budget = ""
        if "budget_p95_ms" in page:
            verdict = "ok" if page["within_budget"] else "**verfehlt**"
            budget = f"{page['budget_p95_ms']:g} {verdict}"
        lines.append(
            f"| `{name}` | {page['requests']} | {errors if page['errors'] else 0} | {page['p50_ms']}"
            f" | {page['p95_ms']} | {page['max_ms']} | {budget} |"
        )
    over = report.get("over_budget", [])
    lines += ["", f"p95 over budget: {', '.join(over) if over else 'none'}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--staff-share", type=float, default=STAFF_SHARE)
    parser.add_argument("--workers", type=int, default=4)
    arguments = parser.parse_args()

    sys.path.insert(0, str(BENCH_DIR))
    import load
    from report import load_budgets, page_budget
    from run import prepare_django

    load.WORKERS = arguments.workers
    # Per page and role, a new connection each, so that most likely every
    # worker (whichever is idle accepts) has run the page before the
    # measurement and the few requests of a signed-in row are not a
    # worker's first (prepared queries, templates and memos are built per
    # process). Not guaranteed: the kernel picks the accepting worker.
    load.WARMUP = 3 * arguments.workers
    data_dir = Path(tempfile.mkdtemp(prefix="ikone-load-"))
    environment = load.production_environment(data_dir)
    ikone = str(Path(sys.executable).parent / "ikone")
    subprocess.run([ikone, "collectstatic", "--noinput", "-v", "0"], env=environment, check=True)
    prepare_django(environment)
    port = load.free_port()
    info = machine()
    with load.gunicorn(environment, port):
        # Sessions after the start: the server empties Redis, where the
        # production settings keep them (made before, every signed-in page
        # answered 302).
        users = virtual_users(arguments.users, arguments.staff_share)
        budgets, all_budgets = {}, load_budgets()
        for user in {u.role: u for u in users}.values():
            for page in user.pages:
                cache = load.warm_up(port, page.path, user.cookie)
                budget = page_budget(all_budgets, page.path, cache)
                budgets[page_key(page.name, audience(user.role))] = budget["p95_ms_c1"]
        run = LoadRun(load.HOST, port, arguments.seconds)
        wall = run.run(users)
    info["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report = {
        "machine": info,
        "run": {
            "users": arguments.users,
            "staff": sum(1 for u in users if u.role != "anonymous"),
            "seconds": wall,
            "think": list(THINK),
            "workers": arguments.workers,
        },
        "summary": summarize(run.samples, wall),
    }
    report["over_budget"] = judge(report["summary"], budgets)
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "loadtest-latest.json").write_text(json.dumps(report, indent=2))
    (RESULTS_DIR / "loadtest-latest.md").write_text(markdown(report))
    print(markdown(report))
    failed = report["summary"]["total"].get("errors", 1) or report["over_budget"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    sys.exit(main())
