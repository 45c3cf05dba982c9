"""bench/cpu.py's server side (bench/cpu_wsgi.py): the application's answer
passes unchanged, and after the warm-up the worker reports the medians of
wall time, CPU time, queries and database time per path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.db import connection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cpu_wsgi  # noqa: E402


def _one_query_application(environ, start_response):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"one ", b"query"]


@pytest.mark.django_db
def test_answers_as_the_application_and_reports_medians_after_the_warm_up(monkeypatch, capsys):
    monkeypatch.setattr(cpu_wsgi, "ikone_application", _one_query_application)
    monkeypatch.setattr(cpu_wsgi, "WARMUP", 1)
    monkeypatch.setattr(cpu_wsgi, "REPORT_EVERY", 2)
    statuses = []
    for _ in range(3):
        body = cpu_wsgi.application(
            {"PATH_INFO": "/probe/"}, lambda status, headers: statuses.append(status)
        )
        assert b"".join(body) == b"one query"
    assert statuses == ["200 OK"] * 3
    report = capsys.readouterr().err.strip().splitlines()
    assert len(report) == 1
    assert report[0].startswith("/probe/: wall ")
    assert "1 queries" in report[0]
    assert "(medians of 2" in report[0]


def _application_adding_a_wrapper(environ, start_response):
    # As a connection opened inside the request installs its table tracking.
    connection.execute_wrappers.append(_tracking)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def _tracking(execute, sql, *args):
    return execute(sql, *args)


def test_a_wrapper_installed_during_the_request_stays(monkeypatch):
    monkeypatch.setattr(cpu_wsgi, "ikone_application", _application_adding_a_wrapper)
    before = list(connection.execute_wrappers)
    try:
        cpu_wsgi.application({"PATH_INFO": "/wrapped/"}, lambda status, headers: None)
        assert connection.execute_wrappers == [*before, _tracking]
    finally:
        connection.execute_wrappers[:] = before


@pytest.mark.django_db
def test_typed_texts_of_a_path_count_together(monkeypatch, capsys):
    monkeypatch.setattr(cpu_wsgi, "ikone_application", _one_query_application)
    monkeypatch.setattr(cpu_wsgi, "WARMUP", 1)
    monkeypatch.setattr(cpu_wsgi, "REPORT_EVERY", 2)
    monkeypatch.setattr(cpu_wsgi, "TYPED_PATHS", {"/fragen/vorschlaege/"})
    for text in ("Wie+hoch", "Wie+hoch+ist", "Wie+hoch+ist+der"):
        cpu_wsgi.application(
            {"PATH_INFO": "/fragen/vorschlaege/", "QUERY_STRING": f"title={text}"},
            lambda status, headers: None,
        )
    report = capsys.readouterr().err.strip().splitlines()
    assert len(report) == 1
    assert report[0].startswith("/fragen/vorschlaege/?title=… (typed): wall ")
