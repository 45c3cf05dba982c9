"""The closing list of the pages axe-core checked. Without pytest-xdist the
e2e conftest prints it; with it (`make test`) each worker hands its pages to
the controller, which prints them from tests/conftest.py (the workers'
terminal output is not shown)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

# The key of a worker's `workeroutput` that carries its pages.
WORKER_OUTPUT_KEY = "axe_pages"


def write_summary(reporter: pytest.TerminalReporter, pages: Iterable[tuple[str, int]]) -> None:
    """`pages`: (url, number of violations) for every page check."""
    pages = list(pages)
    if not pages:
        return
    distinct = sorted({url for url, _ in pages})
    failing = [url for url, violations in pages if violations]
    reporter.section("axe-core (WCAG 2.2 A/AA)")
    reporter.write_line(
        f"{len(pages)} page checks on {len(distinct)} distinct pages, "
        f"{len(failing)} with violations"
    )
    for path in distinct:
        reporter.write_line(f"  {path}")
