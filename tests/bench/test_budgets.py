"""bench/budgets.toml holds every budget bench/run.py checks: a missing
section stopped a full run after half an hour of measuring."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from report import load_budgets  # noqa: E402


def test_every_budget_the_run_reads_is_in_the_file():
    budgets = load_budgets()
    assert budgets["pages"]["max_queries"] == 10
    assert budgets["memory"]["web_worker_private_mb"] == 150
    assert budgets["start_page_lcp"]["max_ms"] == 500
    assert budgets["background_worker"]["max_rss_mb"] == 400
    assert budgets["import_municipalities"]["max_seconds_sqlite"] > 0
    assert budgets["pdf_export"]["max_seconds"] > 0
