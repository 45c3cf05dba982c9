"""The load runner of bench/loadtest.py, small: a few users for a second
against a tiny local server. The real run (50 users on the benchmark data)
is `make loadtest`, outside CI."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from loadtest import LoadRun, Page, Sample, VirtualUser, judge, markdown, summarize  # noqa: E402


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the runner's users expect

    def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
        signed_in = "sessionid=" in self.headers.get("Cookie", "")
        status = 404 if self.path == "/fehlt/" else 200
        body = b"angemeldet" if signed_in else b"hallo"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()


def test_the_runner_counts_every_page_and_every_error(server):
    users = [
        VirtualUser("anonymous", "", [Page("/"), Page("/fehlt/")]),
        VirtualUser("anonymous", "", [Page("/")]),
        VirtualUser("contact", "sessionid=abc", [Page("/konto/")]),
    ]
    run = LoadRun("127.0.0.1", server, seconds=1.0, think=(0.01, 0.02), ramp_up=0.1)
    wall = run.run(users)
    summary = summarize(run.samples, wall)

    assert 1.0 <= wall < 5
    assert set(summary["pages"]) == {"/", "/fehlt/", "/konto/ (signed in)"}
    assert summary["pages"]["/"]["errors"] == 0
    assert summary["pages"]["/fehlt/"]["errors"] == summary["pages"]["/fehlt/"]["requests"] > 0
    assert summary["total"]["requests"] == len(run.samples) > 20
    assert summary["total"]["rps"] == round(len(run.samples) / wall, 1)
    assert summary["pages"]["/"]["p50_ms"] <= summary["pages"]["/"]["p95_ms"]


def test_the_report_names_machine_load_and_every_page():
    samples_run = LoadRun("127.0.0.1", 1, seconds=0)
    samples_run.samples = [
        Sample("/", "anonymous", 200, 0.01),
        Sample("/", "anonymous", 500, 0.03),
    ]
    report = {
        "machine": {
            "date": "2026-12-04 22:00 UTC",
            "cpus": 2,
            "load_average_before": [1.0],
            "load_average_after": [2.0],
        },
        "run": {"users": 2, "staff": 0, "seconds": 1.0, "think": [0.5, 2.5], "workers": 4},
        "summary": summarize(samples_run.samples, 1.0),
    }
    report["over_budget"] = judge(report["summary"], {"/": 20})
    text = markdown(report)
    assert "2 requests, 1 errors" in text
    assert "load average [1.0] before and [2.0] after" in text
    assert "| `/` | 2 | 1 (500) | 20.0 | 29.0 | 30.0 | 20 **verfehlt** |" in text
    assert "p95 over budget: /" in text


def test_a_public_page_is_judged_apart_for_visitors_and_signed_in_people():
    # Visitors get it from the page cache, signed-in people rendered for
    # them: mixed into one row, the rendered answers would count against
    # the cached page's budget.
    samples = [Sample("/loesungen/", "anonymous", 200, 0.003) for _ in range(19)]
    samples += [Sample("/loesungen/", "contact", 200, 0.025) for _ in range(19)]
    samples += [Sample("/loesungen/", "coordinator", 200, 0.045)]
    summary = summarize(samples, 1.0)

    assert summary["pages"]["/loesungen/"]["p95_ms"] == 3.0
    assert summary["pages"]["/loesungen/ (signed in)"]["requests"] == 20
    over = judge(summary, {"/loesungen/": 20, "/loesungen/ (signed in)": 30})
    assert over == []
    assert summary["pages"]["/loesungen/ (signed in)"]["within_budget"] is True
    assert judge(summarize(samples, 1.0), {"/loesungen/ (signed in)": 25}) == [
        "/loesungen/ (signed in)"
    ]
