"""The budgets of bench/budgets.toml, checking a page against them, and the
Markdown report.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from load import REQUESTS_C1, REQUESTS_C8, ROUNDS_C8, WORKERS

BENCH_DIR = Path(__file__).resolve().parent


@dataclass
class Result:
    path: str
    who: str
    status: int
    queries: int
    c1: dict[str, float]
    # The median of ROUNDS_C8 bursts, with every burst's req/s in
    # "rounds_rps" (the floor: the median of its measurements across the
    # run, each in "measurements_rps").
    c8: dict[str, Any]
    # What the page cache did with the warmed-up page: "hit" (an anonymous
    # page served from the cache), "miss" or "" (not cacheable).
    cache: str = ""
    share_of_floor: float = 0.0
    broken: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Budgets and report


def load_budgets() -> dict[str, Any]:
    with (BENCH_DIR / "budgets.toml").open("rb") as handle:
        return tomllib.load(handle)


def page_budget(budgets: dict[str, Any], path: str, cache: str = "") -> dict[str, float]:
    """The budget of one page: its class's (cached anonymous pages or
    rendered ones), then the budget of the longest matching path prefix
    (suggestions, search), then the page's own override."""
    pages = budgets["pages"]
    budget: dict[str, float] = {"max_queries": pages["max_queries"]}
    budget.update(pages["cached" if cache == "hit" else "rendered"])
    prefixes = [prefix for prefix in pages.get("paths", {}) if path.startswith(prefix)]
    if prefixes:
        budget.update(pages["paths"][max(prefixes, key=len)])
    budget.update(pages.get("overrides", {}).get(path, {}))
    return budget


def check(result: Result, budget: dict[str, float]) -> None:
    for percentile in ("p50", "p95"):
        key = f"{percentile}_ms_c1"
        if key in budget and result.c1[f"{percentile}_ms"] > budget[key]:
            result.broken.append(
                f"{percentile} {result.c1[f'{percentile}_ms']} ms > {budget[key]:g} ms"
            )
    if result.queries > budget["max_queries"]:
        result.broken.append(f"{result.queries} queries > {budget['max_queries']:g}")
    if "min_rps_c8" in budget:
        if result.c8["rps"] < budget["min_rps_c8"]:
            result.broken.append(f"{result.c8['rps']} req/s < {budget['min_rps_c8']:g}")
    elif result.share_of_floor < budget["min_throughput_share"]:
        result.broken.append(
            f"throughput {result.share_of_floor:.0%} of floor < "
            f"{budget['min_throughput_share']:.0%}"
        )


def memory_lines(report: dict[str, Any]) -> list[str]:
    memory = report.get("memory", {})
    lines = [
        "",
        "Web workers after every page (MB): resident, shared with other processes, "
        "private, proportional (PSS).",
        "",
        "| worker | RSS | shared | private | PSS | budget |",
        "|---|--:|--:|--:|--:|---|",
    ]
    for worker in memory.get("workers", []):
        lines.append(
            f"| {worker['pid']} | {worker['rss_mb']} | {worker['shared_mb']} "
            f"| {worker['private_mb']} | {worker['pss_mb']} | {worker.get('verdict', '')} |"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"# IKONE benchmark – {report['finished_at']}",
        "",
        f"gunicorn, {WORKERS} workers, DEBUG=false, PostgreSQL; {report['machine']}. "
        f"Concurrency 1: {REQUESTS_C1} requests per page; concurrency 8: median of "
        f"{ROUNDS_C8} bursts of {REQUESTS_C8}. The floor: median of its measurements at the "
        f"start, the middle and the end of the run, "
        f"{' / '.join(str(rps) for rps in report['floor']['c8'].get('measurements_rps', []))} "
        "req/s.",
        "",
        "| page | as | cache | queries | p50 c1 | p95 c1 | p99 c1 | p50 c8 | p95 c8 | p99 c8 "
        "| req/s c8 | of floor | budget |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    references = {id(report["floor"]): "floor", id(report["liveness"]): "liveness"}
    for entry in [report["floor"], report["liveness"], *report["pages"]]:
        c1, c8 = entry["c1"], entry["c8"]
        verdict = references.get(id(entry)) or ("; ".join(entry["broken"]) or "ok")
        lines.append(
            f"| `{entry['path']}` | {entry['who']} | {entry.get('cache') or '–'} "
            f"| {entry['queries']} "
            f"| {c1['p50_ms']} | {c1['p95_ms']} | {c1['p99_ms']} "
            f"| {c8['p50_ms']} | {c8['p95_ms']} | {c8['p99_ms']} "
            f"| {c8['rps']} | {entry['share_of_floor']:.0%} | {verdict} |"
        )
    lines += memory_lines(report)
    lcp = report["start_page_lcp"]
    measured = (
        f"median {lcp['median_ms']} ms, slowest {lcp['max_ms']} ms of {lcp['runs']} first visits"
        if "median_ms" in lcp
        else f"not measured: {lcp['skipped']}"
    )
    worker = report["background_worker"]
    lines += [
        "",
        f"Start page LCP, headless Chromium, no throttling: {measured} "
        f"(budget {lcp['budget_ms']} ms) – {'ok' if lcp['ok'] else 'BROKEN'}",
        "",
        f"Background worker (`ikone db_worker --batch`, {worker['documents_embedded']} documents "
        f"embedded, snapshot, re-index): peak RSS {worker['peak_rss_mb']} MB in "
        f"{worker['seconds']} s (budget {worker['budget_mb']} MB) – "
        f"{'ok' if worker['ok'] else 'BROKEN'}",
    ]
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
