"""Structured logs with a request id that travels into tasks, the token-
guarded metrics endpoint and optional error reporting (docs/operations.md)."""

import json
import logging
import sys
import types

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils.module_loading import import_string

from ikone.core import config, logs, mail, metrics, notifications

REQUEST_LOGGER = "ikone.request"
TASK_LOGGER = "ikone.tasks"


class JsonLines(logging.Handler):
    """Formats records exactly as LOG_FORMAT=json does and keeps the lines."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.addFilter(logs.RequestIdFilter())
        self.setFormatter(logs.JsonFormatter())
        self.lines: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def json_lines():
    handler = JsonLines()
    loggers = [logging.getLogger(name) for name in (REQUEST_LOGGER, TASK_LOGGER)]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture(autouse=True)
def _fresh_metrics():
    metrics.reset()
    yield
    metrics.reset()


def test_every_response_carries_a_new_request_id(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_valid_incoming_request_id_is_kept(client, db):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-4711-abcdef"})
    assert response["X-Request-ID"] == "lb-4711-abcdef"


@pytest.mark.parametrize(
    "incoming", ["short", "evil\nline-injected", "x" * 200, "a b c d e f g h"]
)
def test_an_invalid_incoming_request_id_is_replaced(client, db, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_each_request_logs_one_json_line_with_its_id(client, db, json_lines):
    response = client.get("/healthz", headers={"X-Request-ID": "req-0001-json"})
    [line] = [entry for entry in json_lines.lines if entry["logger"] == REQUEST_LOGGER]
    assert line["request_id"] == response["X-Request-ID"] == "req-0001-json"
    assert line["message"] == "GET /healthz 200"
    assert (line["method"], line["path"], line["status"], line["view"]) == (
        "GET",
        "/healthz",
        200,
        "healthz",
    )
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    assert line["duration_ms"] >= 0


def test_json_formatter_writes_exceptions_on_one_line():
    formatter = logs.JsonFormatter()
    try:
        raise ValueError("kaputt")
    except ValueError:
        record = logging.getLogger("ikone.test").makeRecord(
            "ikone.test", logging.ERROR, __file__, 1, "failed %s", ("x",), sys.exc_info()
        )
    with logs.request_id_context("ctx-12345678"):
        logs.RequestIdFilter().filter(record)
    output = formatter.format(record)
    assert "\n" not in output
    entry = json.loads(output)
    assert entry["message"] == "failed x"
    assert entry["request_id"] == "ctx-12345678"
    assert "ValueError: kaputt" in entry["exception"]


def test_log_settings_read_format_and_level(monkeypatch):
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.setenv("LOG_FORMAT", "json")
    assert config.log_settings() == ("json", "INFO")
    monkeypatch.setenv("LOG_FORMAT", "text")
    assert config.log_settings() == ("text", "WARNING")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert config.log_settings() == ("text", "DEBUG")
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ImproperlyConfigured):
        config.log_settings()


def test_json_logging_config_is_usable():
    built = logs.logging_config("json", "INFO")
    assert built["formatters"]["default"] == {"()": "ikone.core.logs.JsonFormatter"}
    assert built["loggers"]["ikone"]["level"] == "INFO"
    assert built["handlers"]["console"]["filters"] == ["request_id"]
    assert import_string(built["formatters"]["default"]["()"]) is logs.JsonFormatter
    assert import_string(built["filters"]["request_id"]["()"]) is logs.RequestIdFilter
    text = logs.logging_config("text", "WARNING")["formatters"]["default"]["format"]
    assert "%(request_id)s" in text


def any_kind() -> str:
    return notifications.all_kinds()[0].key


def test_notify_hands_the_request_id_to_the_mail_task(
    db, settings, django_capture_on_commit_callbacks, json_lines, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    kind = any_kind()
    with (
        logs.request_id_context("req-into-task-1"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        mail.notify(kind, 42)
    [result] = mail.deliver.get_backend().results
    assert result.kwargs["request_id"] == "req-into-task-1"
    assert list(result.args) == [kind, 42]
    # The worker runs the stored call later, outside any request.
    monkeypatch.setattr(mail, "build", lambda kind, *args: [])
    assert logs.current_request_id() == ""
    assert mail.deliver.call(*result.args, **result.kwargs) == 0
    [line] = [entry for entry in json_lines.lines if entry["logger"] == TASK_LOGGER]
    assert line["request_id"] == "req-into-task-1"
    assert line["task"] == "ikone.core.mail.deliver"
    assert line["outcome"] == "succeeded"


def test_a_task_enqueued_outside_a_request_gets_its_own_id(monkeypatch, json_lines):
    monkeypatch.setattr(mail, "build", lambda kind, *args: [])
    mail.deliver.call("x.y")
    [line] = [entry for entry in json_lines.lines if entry["logger"] == TASK_LOGGER]
    assert len(line["request_id"]) == 32


def test_metrics_do_not_exist_without_a_token(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


@override_settings(METRICS_TOKEN="s3cret-token")
def test_metrics_need_the_token(client, db):
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong["WWW-Authenticate"].startswith("Bearer")


@override_settings(METRICS_TOKEN="s3cret-token")
def test_metrics_count_requests_per_view_and_tasks(client, db, monkeypatch):
    client.get("/healthz")
    client.get("/healthz")
    client.get("/gibt-es-nicht/")
    monkeypatch.setattr(mail, "build", lambda kind, *args: [])
    mail.deliver.call("x.y")
    monkeypatch.setattr(mail, "build", lambda kind, *args: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        mail.deliver.call("x.y")
    response = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    body = response.content.decode()
    assert 'ikone_requests_total{view="healthz",method="GET",status="200"} 2' in body
    assert 'ikone_request_duration_seconds_count{view="healthz"} 2' in body
    assert 'ikone_request_duration_seconds_bucket{view="healthz",le="+Inf"} 2' in body
    assert 'status="404"} 1' in body
    assert 'ikone_tasks_total{task="ikone.core.mail.deliver",outcome="succeeded"} 1' in body
    assert 'ikone_tasks_total{task="ikone.core.mail.deliver",outcome="failed"} 1' in body


@override_settings(METRICS_TOKEN="s3cret-token")
def test_metrics_show_the_database_task_queue(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mail.deliver.enqueue("x.y")
    body = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"}).content
    assert b'ikone_task_queue{status="READY"} 1' in body


def test_error_reporting_initialises_sentry_without_personal_data(monkeypatch):
    calls = []
    fake = types.ModuleType("sentry_sdk")
    fake.init = lambda **kwargs: calls.append(kwargs)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentry_sdk", fake)
    config.init_error_reporting("https://key@errors.example.org/1", "staging")
    [kwargs] = calls
    assert kwargs["dsn"] == "https://key@errors.example.org/1"
    assert kwargs["environment"] == "staging"
    assert kwargs["send_default_pii"] is False
    with logs.request_id_context("req-sentry-01"):
        event = kwargs["before_send"]({}, {})
    assert event["tags"]["request_id"] == "req-sentry-01"


def test_error_reporting_without_sentry_sdk_is_a_configuration_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)
    with pytest.raises(ImproperlyConfigured, match="ikone\\[sentry\\]"):
        config.init_error_reporting("https://key@errors.example.org/1", "production")


def test_without_sentry_dsn_nothing_is_reported(settings):
    assert settings.SENTRY_DSN == ""
    assert "sentry_sdk" not in sys.modules
