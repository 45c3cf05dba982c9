"""bench/run.py's figures at concurrency 8 are medians: of three bursts per
page, and for the floor of three measurements across the run (the report
line: tests/bench/test_start_page_and_worker.py), so that one
disturbed burst on a shared machine moves neither a page nor every share."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load  # noqa: E402
from report import Result  # noqa: E402


def test_a_page_gets_the_burst_with_the_median_throughput(monkeypatch):
    bursts = iter(
        [
            {"rps": 300.0, "p95_ms": 9.0},
            {"rps": 120.0, "p95_ms": 30.0},
            {"rps": 250.0, "p95_ms": 12.0},
        ]
    )
    monkeypatch.setattr(load, "run_concurrent", lambda *arguments: next(bursts))

    figures = load.run_concurrent_rounds(1, "/", "", 400)

    assert figures["rps"] == 250.0
    assert figures["p95_ms"] == 12.0
    assert figures["rounds_rps"] == [300.0, 120.0, 250.0]


def _floor(rps: float) -> Result:
    c1 = {"p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 3.0}
    c8 = {"p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 3.0, "rps": rps}
    return Result(path="/messung/boden/", who="anonymous", status=200, queries=0, c1=c1, c8=c8)


def test_the_floor_is_the_median_of_its_measurements():
    import run

    floor = run.median_floor([_floor(810.0), _floor(475.0), _floor(600.0)])

    assert floor.c8["rps"] == 600.0
    assert floor.c8["measurements_rps"] == [810.0, 475.0, 600.0]
