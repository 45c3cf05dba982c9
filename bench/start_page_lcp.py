"""Largest Contentful Paint of the start page in headless Chromium, without
throttling (issue 15's budget), against the gunicorn that bench/run.py
serves. Debian's Chromium (/usr/bin/chromium) through Playwright, as the
browser tests use it; nothing is downloaded.

Each run opens a fresh browser context (empty cache, as a first visit) and
reads the last `largest-contentful-paint` entry; the figure is the median
of RUNS runs after one that warms the server.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
RUNS = 5

# Resolves with the start time of the last LCP candidate once the page has
# loaded (the browser reports candidates until the first input or unload).
READ_LCP = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: "largest-contentful-paint", buffered: true});
})"""


def measure_lcp(base_url: str, path: str = "/") -> dict[str, Any]:
    """Median LCP in milliseconds of `path`, or the reason it was not measured."""
    if not CHROMIUM.exists():
        return {"path": path, "skipped": "Chromium missing at /usr/bin/chromium"}
    from playwright.sync_api import sync_playwright

    samples: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for _ in range(RUNS + 1):
                # Production settings redirect plain HTTP; the bench speaks
                # to gunicorn as the TLS proxy would.
                context = browser.new_context(
                    extra_http_headers={"X-Forwarded-Proto": "https", "Accept-Language": "de"}
                )
                page = context.new_page()
                page.goto(base_url + path, wait_until="load")
                samples.append(float(page.evaluate(READ_LCP)))
                context.close()
        finally:
            browser.close()
    measured = samples[1:]
    return {
        "path": path,
        "median_ms": round(statistics.median(measured), 1),
        "max_ms": round(max(measured), 1),
        "runs": len(measured),
    }
