"""Response headers for every page: the Content Security Policy (strict,
with the documented exceptions of `ikone.core.security`), the
Permissions-Policy and the request id (with the request's log line and
metrics); and the 503 page while the database is unreachable."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from ikone.core import logs, metrics
from ikone.core.security import PERMISSIONS_POLICY, csp_relaxation_for

request_logger = logging.getLogger("ikone.request")
logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware plus the path-scoped relaxations.

    A view's own `@csp_update`/`@csp_replace` wins over a path rule. On a
    relaxed path no nonce is sent: a nonce in the header makes browsers ignore
    'unsafe-inline', which is the very thing the relaxation grants.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.update is not None or parts.replace is not None:
            return parts
        relaxation = csp_relaxation_for(request.path_info)
        if relaxation is not None:
            parts.update = relaxation.update
            parts.replace = relaxation.replace
            parts.nonce = None
        return parts


class PermissionsPolicyMiddleware:
    """Denies browser features IKONE does not use (camera, geolocation, …)."""

    header = "Permissions-Policy"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header not in response:
            response[self.header] = PERMISSIONS_POLICY
        return response


class RequestIdMiddleware:
    """Gives every request an id (see `ikone.core.logs`), returns it in
    `X-Request-ID`, logs one line per request and counts it for the metrics.
    First in MIDDLEWARE, so the id covers everything the request logs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = logs.accept_request_id(request.headers.get(logs.REQUEST_ID_HEADER))
        with logs.request_id_context(request_id):
            started = time.perf_counter()
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            match = getattr(request, "resolver_match", None)
            view = match.view_name if match is not None else "unresolved"
            metrics.observe_request(view, request.method or "", response.status_code, seconds)
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "view": view,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
        response[logs.REQUEST_ID_HEADER] = request_id
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with the page that
    needs none, instead of a 500 that blames the platform for an outage
    (a restarting database, a failover). Other database errors stay 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s", request.path, exc_info=exception)
        from ikone.core.views import service_unavailable

        return service_unavailable(request)
