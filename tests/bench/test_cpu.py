"""bench/cpu.py's server side: IKONE's answer unchanged, and after the
warm-up the medians of CPU time, queries and database time per path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cpu_wsgi  # noqa: E402


@pytest.mark.django_db
def test_answers_as_ikone_and_reports_medians_after_the_warm_up(monkeypatch, capsys):
    monkeypatch.setattr(cpu_wsgi, "WARMUP", 1)
    monkeypatch.setattr(cpu_wsgi, "REPORT_EVERY", 2)
    # HTTPS: the application was built when the module was imported, with
    # the production redirect to HTTPS.
    environ = RequestFactory()._base_environ(
        PATH_INFO="/healthz", REQUEST_METHOD="GET", HTTPS="on", **{"wsgi.url_scheme": "https"}
    )
    statuses = []
    for _ in range(3):
        body = cpu_wsgi.application(dict(environ), lambda status, headers: statuses.append(status))
        assert b'"status"' in b"".join(body)
    assert statuses == ["200 OK"] * 3
    report = capsys.readouterr().err.strip().splitlines()
    assert len(report) == 1
    assert report[0].startswith("/healthz: wall ")
    assert "1 queries" in report[0]
    assert "(medians of 2" in report[0]
