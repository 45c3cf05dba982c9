"""The budgets of bench/budgets.toml, checking a page against them, and the
Markdown report.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from load import REQUESTS_C1, REQUESTS_C8, WORKERS

BENCH_DIR = Path(__file__).resolve().parent


@dataclass
class Result:
    path: str
    who: str
    status: int
    queries: int
    c1: dict[str, float]
    c8: dict[str, float]
    share_of_floor: float = 0.0
    broken: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Budgets and report


def load_budgets() -> dict[str, Any]:
    with (BENCH_DIR / "budgets.toml").open("rb") as handle:
        return tomllib.load(handle)


def page_budget(budgets: dict[str, Any], path: str) -> dict[str, float]:
    pages = budgets["pages"]
    overrides = pages.get("overrides", {}).get(path, {})
    keys = ("p95_ms_c1", "max_queries", "min_throughput_share")
    return {key: overrides.get(key, pages[key]) for key in keys}


def check(result: Result, budget: dict[str, float]) -> None:
    if result.c1["p95_ms"] > budget["p95_ms_c1"]:
        result.broken.append(f"p95 {result.c1['p95_ms']} ms > {budget['p95_ms_c1']} ms")
    if result.queries > budget["max_queries"]:
        result.broken.append(f"{result.queries} queries > {budget['max_queries']:g}")
    if result.share_of_floor < budget["min_throughput_share"]:
        result.broken.append(
            f"throughput {result.share_of_floor:.0%} of floor < "
            f"{budget['min_throughput_share']:.0%}"
        )


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# IKONE benchmark – {report['finished_at']}",
        "",
        f"gunicorn, {WORKERS} workers, DEBUG=false, PostgreSQL; {report['machine']}. "
        f"Concurrency 1: {REQUESTS_C1} requests per page; concurrency 8: {REQUESTS_C8}.",
        "",
        "| page | as | queries | p50 c1 | p95 c1 | p99 c1 | p50 c8 | p95 c8 | p99 c8 "
        "| req/s c8 | of floor | budget |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for entry in [report["floor"], *report["pages"]]:
        c1, c8 = entry["c1"], entry["c8"]
        verdict = "floor" if entry is report["floor"] else ("; ".join(entry["broken"]) or "ok")
        lines.append(
            f"| `{entry['path']}` | {entry['who']} | {entry['queries']} "
            f"| {c1['p50_ms']} | {c1['p95_ms']} | {c1['p99_ms']} "
            f"| {c8['p50_ms']} | {c8['p95_ms']} | {c8['p99_ms']} "
            f"| {c8['rps']} | {entry['share_of_floor']:.0%} | {verdict} |"
        )
    imported = report["import_municipalities"]
    lines += [
        "",
        f"`ikone import_municipalities` (all of Germany, SQLite): {imported['seconds']} s "
        f"(budget {imported['budget_seconds']} s) – {'ok' if imported['ok'] else 'BROKEN'}",
        "",
    ]
    exported = report["pdf_export"]
    lines += [
        f"PDF export of a {exported['pages']}-page draft (`bench/pdf_export.py`, median of "
        f"{exported['runs']}): {exported['seconds']} s (budget {exported['budget_seconds']} s) "
        f"– {'ok' if exported['ok'] else 'BROKEN'}",
        "",
        "Latencies in milliseconds.",
        "",
    ]
    return "\n".join(lines)
