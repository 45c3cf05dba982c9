"""Response headers for every page: the Content Security Policy (strict,
with the documented exceptions of `ikone.core.security`) and the
Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

from ikone.core.security import PERMISSIONS_POLICY, csp_relaxation_for


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
