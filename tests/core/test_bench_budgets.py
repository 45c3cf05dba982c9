"""bench/report.py picks each page's budget by what the page cache did
and by path (docs/benchmark.md), and checks the workers' memory."""

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from report import Result, check, load_budgets, page_budget  # noqa: E402


def _result(path: str, p50: float, p95: float, rps: float, share: float) -> Result:
    timings = {"p50_ms": p50, "p95_ms": p95, "p99_ms": p95, "rps": rps}
    return Result(
        path=path,
        who="anonymous",
        status=200,
        queries=3,
        c1=timings,
        c8=timings,
        share_of_floor=share,
    )


def test_a_cached_page_is_held_to_the_anonymous_budget():
    budgets = load_budgets()
    cached = page_budget(budgets, "/kommunen/", "hit")
    rendered = page_budget(budgets, "/kommunen/", "miss")
    assert (cached["p95_ms_c1"], cached["min_throughput_share"]) == (20, 0.5)
    assert (rendered["p95_ms_c1"], rendered["min_throughput_share"]) == (30, 0.25)
    assert cached["max_queries"] == rendered["max_queries"] == 10


def test_suggestions_and_search_have_their_own_latency_budget():
    budgets = load_budgets()
    suggestions = page_budget(budgets, "/fragen/vorschlaege/?title=x", "")
    assert suggestions["p95_ms_c1"] == 150 and suggestions["min_rps_c8"] == 60
    assert page_budget(budgets, "/suche/?q=x", "hit")["p95_ms_c1"] == 50
    assert page_budget(budgets, "/api/v1/search/?q=x", "")["p95_ms_c1"] == 50


def test_a_slow_page_breaks_its_budget_and_a_fast_one_keeps_it():
    budgets = load_budgets()
    slow = _result("/kommunen/", p50=9, p95=25, rps=100, share=0.4)
    check(slow, page_budget(budgets, slow.path, "hit"))
    assert len(slow.broken) == 3  # p50, p95, throughput
    fast = _result("/kommunen/", p50=3, p95=6, rps=800, share=0.9)
    check(fast, page_budget(budgets, fast.path, "hit"))
    assert fast.broken == []
    suggestions = _result("/fragen/vorschlaege/?title=x", p50=40, p95=90, rps=30, share=0.1)
    check(suggestions, page_budget(budgets, suggestions.path, ""))
    assert suggestions.broken == ["30 req/s < 60"]
