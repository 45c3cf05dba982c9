"""Prometheus metrics, written here rather than with django-prometheus:
IKONE needs a handful of series, and no new dependency for them.

Requests are counted per view name, method and status, with a latency
histogram per view; tasks per task name and outcome. The counters live in
the process, as in every Prometheus client without a shared store: with
several gunicorn workers each scrape sees one worker, so alert on rates and
ratios, not on absolute counts (docs/operations.md). The state of the task
queue comes from the database and is the same in every process.

`/metrics` answers only when METRICS_TOKEN is set, and only to
`Authorization: Bearer <token>`.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections import Counter, defaultdict

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

_lock = threading.Lock()
_requests: Counter[tuple[str, str, str]] = Counter()
_request_buckets: defaultdict[str, list[int]] = defaultdict(lambda: [0] * len(BUCKETS))
_request_sum: defaultdict[str, float] = defaultdict(float)
_request_count: Counter[str] = Counter()
_tasks: Counter[tuple[str, str]] = Counter()
_task_seconds: defaultdict[str, float] = defaultdict(float)


def observe_request(view: str, method: str, status: int, seconds: float) -> None:
    with _lock:
        _requests[(view, method, str(status))] += 1
        buckets = _request_buckets[view]
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                buckets[index] += 1
        _request_sum[view] += seconds
        _request_count[view] += 1


def observe_task(name: str, outcome: str, seconds: float) -> None:
    with _lock:
        _tasks[(name, outcome)] += 1
        _task_seconds[name] += seconds


def reset() -> None:
    """Forget every observation (for tests)."""
    with _lock:
        for store in (_requests, _request_sum, _request_count, _tasks, _task_seconds):
            store.clear()
        _request_buckets.clear()


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _queue_lines() -> list[str]:
    """Tasks in the database queue per status (only with the database backend)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return []
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    try:
        rows = list(DBTaskResult.objects.values("status").annotate(n=Count("id")))
    except DatabaseError:
        return []
    lines = [
        "# HELP ikone_task_queue Background tasks stored in the database, per status.",
        "# TYPE ikone_task_queue gauge",
    ]
    lines += [f'ikone_task_queue{{status="{_label(row["status"])}"}} {row["n"]}' for row in rows]
    return lines


def render() -> str:
    """All series in the Prometheus text exposition format (version 0.0.4)."""
    with _lock:
        lines = [
            "# HELP ikone_requests_total HTTP requests per view, method and status.",
            "# TYPE ikone_requests_total counter",
        ]
        for (view, method, status), n in sorted(_requests.items()):
            labels = f'view="{_label(view)}",method="{method}",status="{status}"'
            lines.append(f"ikone_requests_total{{{labels}}} {n}")
        lines += [
            "# HELP ikone_request_duration_seconds Time to answer a request, per view.",
            "# TYPE ikone_request_duration_seconds histogram",
        ]
        for view in sorted(_request_count):
            name = _label(view)
            for bound, n in zip(BUCKETS, _request_buckets[view], strict=True):
                lines.append(
                    f'ikone_request_duration_seconds_bucket{{view="{name}",le="{bound}"}} {n}'
                )
            count = _request_count[view]
            lines.append(
                f'ikone_request_duration_seconds_bucket{{view="{name}",le="+Inf"}} {count}'
            )
            lines.append(
                f'ikone_request_duration_seconds_sum{{view="{name}"}} {_request_sum[view]:.6f}'
            )
            lines.append(f'ikone_request_duration_seconds_count{{view="{name}"}} {count}')
        lines += [
            "# HELP ikone_tasks_total Background tasks run by this process, per outcome.",
            "# TYPE ikone_tasks_total counter",
        ]
        for (task_name, outcome), n in sorted(_tasks.items()):
            lines.append(
                f'ikone_tasks_total{{task="{_label(task_name)}",outcome="{outcome}"}} {n}'
            )
        lines += [
            "# HELP ikone_task_seconds_total Time spent in background tasks by this process.",
            "# TYPE ikone_task_seconds_total counter",
        ]
        for task_name, seconds in sorted(_task_seconds.items()):
            lines.append(f'ikone_task_seconds_total{{task="{_label(task_name)}"}} {seconds:.6f}')
    lines += [
        "# HELP ikone_process_id The process these counters belong to.",
        "# TYPE ikone_process_id gauge",
        f"ikone_process_id {os.getpid()}",
    ]
    lines += _queue_lines()
    return "\n".join(lines) + "\n"


@never_cache
@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    """The metrics for Prometheus; 404 unless METRICS_TOKEN is set, 401
    without the right bearer token."""
    token = settings.METRICS_TOKEN
    if not token:
        raise Http404
    offered = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(offered.encode(), token.encode()):
        response = HttpResponse("Unauthorized\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(render(), content_type="text/plain; version=0.0.4; charset=utf-8")
