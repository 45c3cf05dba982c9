"""Structured logs with a request id.

Every request gets an id: the caller's `X-Request-ID` if it is a sane token
(a load balancer or proxy in front usually sets one, so its log and ours
match), else a new one. The id is returned in the response header, added to
every log record made while the request runs, and handed to the background
tasks the request enqueues (`enqueue`), whose log records then carry it
too. With `LOG_FORMAT=json` each record is one JSON object per line, ready
for journald, Loki or Elasticsearch without parsing rules.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and . _ : - only, 8 to 128 characters: enough for UUIDs and
# the ids of common proxies, nothing that could forge a log line or header.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")
_request_id: ContextVar[str] = ContextVar("ikone_request_id", default="")

logger = logging.getLogger("ikone.tasks")

F = TypeVar("F", bound=Callable[..., Any])


def new_request_id() -> str:
    return uuid.uuid4().hex


def accept_request_id(incoming: str | None) -> str:
    """The caller's id if it is valid, else a new one."""
    if incoming and _VALID_REQUEST_ID.fullmatch(incoming):
        return incoming
    return new_request_id()


def current_request_id() -> str:
    """The id of the request or task running now ("" outside both)."""
    return _request_id.get()


@contextmanager
def request_id_context(request_id: str) -> Iterator[None]:
    token = _request_id.set(request_id)
    try:
        yield
    finally:
        _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (for both formats)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id()
        return True


# Attributes every LogRecord has; anything else came in through `extra=`.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger,
    message, request_id, the `extra=` fields and a formatted exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: everything to stderr, `ikone.*` from `level`,
    other libraries from WARNING."""
    formatter: dict[str, Any] = (
        {"()": "ikone.core.logs.JsonFormatter"}
        if log_format == "json"
        else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ikone.core.logs.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "default",
            }
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {"ikone": {"level": level}},
    }


def traced(func: F) -> F:
    """For a task function (under `@task()`): accepts the `request_id` that
    `enqueue` passes, runs the task with it (or a new one when enqueued
    without), logs its outcome and duration and counts it for the metrics."""
    from ikone.core import metrics

    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(*args: Any, request_id: str = "", **kwargs: Any) -> Any:
        with request_id_context(accept_request_id(request_id)):
            started = time.perf_counter()
            outcome = "failed"
            try:
                result = func(*args, **kwargs)
                outcome = "succeeded"
                return result
            finally:
                seconds = time.perf_counter() - started
                metrics.observe_task(name, outcome, seconds)
                logger.info(
                    "task %s %s",
                    name,
                    outcome,
                    extra={
                        "task": name,
                        "outcome": outcome,
                        "duration_ms": round(seconds * 1000, 1),
                    },
                )

    wrapper._ikone_traced = True  # type: ignore[attr-defined]
    return cast(F, wrapper)


def enqueue(task: Any, *args: Any, **kwargs: Any) -> Any:
    """`task.enqueue(*args, **kwargs)`, plus the current request id for a
    task wrapped in `traced`."""
    if getattr(getattr(task, "func", None), "_ikone_traced", False):
        kwargs["request_id"] = current_request_id()
    return task.enqueue(*args, **kwargs)
